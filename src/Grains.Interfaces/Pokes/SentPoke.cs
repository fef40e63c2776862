namespace Platform.Grains.Pokes;

public sealed record SentPoke(Guid PokeId, Guid ToUserId, string SharedInterest, PokeStatus Status, Guid? ChannelId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
