namespace Platform.Actors;

public enum DeactivationReasonCode
{
    None,

    /// <summary>The grain asked for it with <c>DeactivateOnIdle</c>.</summary>
    ApplicationRequested,

    /// <summary>Unused for longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>A write found its stored state changed by someone else.</summary>
    InconsistentState,

    /// <summary>Activation failed.</summary>
    ActivationFailed,
}
