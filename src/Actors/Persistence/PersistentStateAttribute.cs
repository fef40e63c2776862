namespace Platform.Actors;

/// <summary>Marks a grain constructor parameter of type <see cref="IPersistentState{TState}"/> with the state's name.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PersistentStateAttribute(string stateName) : Attribute
{
    public string StateName { get; } = stateName;
}
