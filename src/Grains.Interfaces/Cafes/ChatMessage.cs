namespace Platform.Grains.Cafes;

/// <summary>
/// The contract's message. <paramref name="Warning"/> is only on the sender's own answer, when a spam rule let the
/// message through but frowned at it.
/// </summary>
public sealed record ChatMessage(Guid Id, Guid CafeId, Guid UserId, string Username, string Content, DateTimeOffset CreatedAt, string? Warning = null);
