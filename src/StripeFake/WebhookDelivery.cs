namespace Platform.StripeFake;

/// <summary>One delivery attempt: which event, and the receiver's status (0 when it could not be reached).</summary>
public sealed record WebhookDelivery(string EventId, int Attempt, int Status);
