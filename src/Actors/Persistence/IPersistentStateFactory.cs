namespace Platform.Actors.Persistence;

/// <summary>Makes the <see cref="IPersistentState{TState}"/> objects injected into grain constructors.</summary>
public interface IPersistentStateFactory
{
    IPersistentState<TState> Create<TState>(GrainId grainId, string stateName);
}
