namespace Platform.StripeFake;

/// <summary>A status and a JSON body, kept as sent so an idempotent replay sends the same bytes.</summary>
internal sealed record FakeResponse(int Status, string Body);
