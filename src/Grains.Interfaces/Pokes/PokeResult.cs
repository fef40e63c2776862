namespace Platform.Grains.Pokes;

/// <summary>The contract's answer to sending or answering a poke.</summary>
public sealed record PokeResult(Guid PokeId, PokeStatus Status, Guid? ChannelId);
