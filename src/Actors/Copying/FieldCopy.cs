namespace Platform.Actors.Copying;

/// <summary>
/// A field whose value a shallow clone must not share: a reference to copy (<see cref="StructPlan"/> null),
/// or a struct holding such references, copied field by field by its plan. Values of struct fields come and
/// go boxed.
/// </summary>
internal sealed class FieldCopy(Func<object, object?> get, Action<object, object?> set, CopyPlan? structPlan)
{
    public Func<object, object?> Get { get; } = get;

    public Action<object, object?> Set { get; } = set;

    public CopyPlan? StructPlan { get; } = structPlan;

    /// <summary>
    /// The plan of the last object found here: a field mostly holds one type, and checking it is cheaper than
    /// the plan cache. One reference, so threads racing on it cannot tear it.
    /// </summary>
    public CopyPlan? LastPlan;
}
