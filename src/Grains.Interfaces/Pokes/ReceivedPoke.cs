namespace Platform.Grains.Pokes;

/// <summary>A pending poke as its receiver sees it: the sender stays hidden until there is a match.</summary>
public sealed record ReceivedPoke(Guid PokeId, string SharedInterest, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
