namespace Platform.Actors.Invocation;

/// <summary>What the interface says about how a call to a method may be scheduled and answered.</summary>
[Flags]
public enum MethodFlags
{
    None = 0,

    /// <summary>May interleave with other read-only requests (<see cref="ReadOnlyAttribute"/>).</summary>
    ReadOnly = 1,

    /// <summary>May interleave with any request (<see cref="AlwaysInterleaveAttribute"/>).</summary>
    AlwaysInterleave = 2,

    /// <summary>The caller does not wait for an answer (<see cref="OneWayAttribute"/> or a void observer method).</summary>
    OneWay = 4,
}
