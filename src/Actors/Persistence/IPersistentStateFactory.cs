namespace Platform.Actors.Persistence;

/// <summary>Creates the <see cref="IPersistentState{TState}"/> the runtime injects for a <see cref="PersistentStateAttribute"/> parameter.</summary>
public interface IPersistentStateFactory
{
    /// <exception cref="InvalidOperationException"><typeparamref name="TState"/> has no parameterless constructor.</exception>
    IPersistentState<TState> Create<TState>(GrainId grainId, string stateName);
}
