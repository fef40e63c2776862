namespace Platform.Grains.Cafes;

/// <summary>The contract's message.</summary>
public sealed record ChatMessage(Guid Id, Guid CafeId, Guid UserId, string Username, string Content, DateTimeOffset CreatedAt);
