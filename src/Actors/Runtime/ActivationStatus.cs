namespace Platform.Actors.Runtime;

internal enum ActivationStatus
{
    /// <summary>In the catalog, nothing run yet.</summary>
    Created,

    /// <summary>Constructing the grain, reading its state, running <c>OnActivateAsync</c>; messages wait.</summary>
    Activating,

    /// <summary>Running requests.</summary>
    Valid,

    /// <summary>Finishing running requests, then <c>OnDeactivateAsync</c>; new messages wait for the next activation.</summary>
    Deactivating,

    /// <summary>Gone from the catalog; a message that finds it goes to a new activation.</summary>
    Invalid,
}
