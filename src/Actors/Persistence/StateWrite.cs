namespace Platform.Actors.Persistence;

/// <summary>One state write waiting for its batch: the row, the new payload (null to clear) and the version it will have.</summary>
internal sealed class StateWrite(GrainId grainId, string stateName, string? payload, int newVersion)
    : TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    public GrainId GrainId { get; } = grainId;

    public string StateName { get; } = stateName;

    public string? Payload { get; } = payload;

    public int NewVersion { get; } = newVersion;

    public (GrainId, string) Row => (GrainId, StateName);

    public void Conflict() => TrySetException(new InconsistentStateException(
        $"State '{StateName}' of {GrainId} was changed by another writer since version {NewVersion - 1} was read.",
        storedEtag: null,
        currentEtag: NewVersion == 1 ? null : (NewVersion - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
