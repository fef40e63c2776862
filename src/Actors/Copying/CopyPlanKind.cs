namespace Platform.Actors.Copying;

internal enum CopyPlanKind
{
    /// <summary>The object itself crosses the boundary.</summary>
    Shared,

    /// <summary>Copying throws: see <see cref="CopyPlan.Error"/>.</summary>
    Unsupported,

    /// <summary>A class or boxed struct: clone, then replace the fields listed in <see cref="CopyPlan.Fields"/>.</summary>
    Object,

    /// <summary>An array: clone, then replace the elements as <see cref="CopyPlan.Elements"/> says.</summary>
    Array,
}
