namespace Platform.Grains.Pokes;

/// <summary>The <c>pokeReceived</c> event.</summary>
public sealed record PokeReceived(Guid PokeId, string SharedInterest);
