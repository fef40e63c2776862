namespace Platform.Grains.Pokes;

public sealed record PokeParties(Guid FromUserId, Guid ToUserId);
