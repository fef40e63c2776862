namespace Platform.StripeFake;

/// <summary>An event the fake sent, with its payload exactly as delivered (what the signature covers).</summary>
public sealed record FakeEvent(string Id, string Type, string Payload);
