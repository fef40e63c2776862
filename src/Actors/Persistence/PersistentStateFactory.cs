namespace Platform.Actors.Persistence;

internal sealed class PersistentStateFactory(IGrainStorage storage) : IPersistentStateFactory
{
    public IPersistentState<TState> Create<TState>(GrainId grainId, string stateName) => new PersistentState<TState>(grainId, stateName, storage);
}
