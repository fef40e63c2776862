namespace Platform.Grains.Pokes;

/// <summary>The <c>pokeMatched</c> event, to both of the pair.</summary>
public sealed record PokeMatched(Guid PokeId, Guid ChannelId, MatchedUser MatchedUser);
