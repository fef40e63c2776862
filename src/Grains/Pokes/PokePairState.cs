namespace Platform.Grains.Pokes;

/// <summary>What a pair's poke grain stores: its pokes that are pending, or were answered in the last days.</summary>
public sealed class PokePairState
{
    public List<PokeRecord> Pokes { get; set; } = [];
}
