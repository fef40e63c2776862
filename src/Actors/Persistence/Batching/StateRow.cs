namespace Platform.Actors.Persistence.Batching;

/// <summary>The primary key of one row of <c>grain_state</c>.</summary>
internal readonly record struct StateRow(string GrainType, string GrainKey, string StateName) : IComparable<StateRow>
{
    public StateRow(GrainId grainId, string stateName)
        : this(grainId.Type, grainId.Key, stateName)
    {
    }

    public GrainId GrainId => new(GrainType, GrainKey);

    public int CompareTo(StateRow other)
    {
        var byType = string.CompareOrdinal(GrainType, other.GrainType);
        if (byType != 0) return byType;
        var byKey = string.CompareOrdinal(GrainKey, other.GrainKey);
        return byKey != 0 ? byKey : string.CompareOrdinal(StateName, other.StateName);
    }
}
