namespace Platform.Actors.Copying;

/// <summary>
/// Deep copies object graphs, passing immutable values through. Within one copy an object reached twice
/// is copied once, so shared children stay shared and cycles survive.
/// </summary>
public static class DeepCopier
{
    /// <exception cref="NotSupportedException">The graph holds something that stands for more than a value (a stream, a task, a handle).</exception>
    public static T Copy<T>(T value)
    {
        if (value is null) return value;
        if (!typeof(T).IsValueType) return (T)CopyObject(value);
        return CopyPlan.NeedsNoCopy(typeof(T)) ? value : CopyStruct(value, CopyPlan.For(value.GetType()));
    }

    /// <summary>Copies an object by its runtime type; returns it as it is when that type is shared.</summary>
    internal static object CopyObject(object value) => CopyObject(value, CopyPlan.For(value.GetType()));

    /// <summary>Copies an object whose runtime type is the one <paramref name="plan"/> was made for.</summary>
    internal static object CopyObject(object value, CopyPlan plan) =>
        plan.Kind == CopyPlanKind.Shared ? value : CopyContext.CopyRoot(value, plan);

    /// <summary>Copies a struct that holds references, by the plan of its type (for a Nullable, of the type inside).</summary>
    internal static T CopyStruct<T>(T value, CopyPlan plan)
    {
        // Boxing made a copy that nothing else refers to, so it is filled in place.
        if (value is not object box) return value;
        CopyContext.CopyIntoBox(box, plan);
        return (T)box;
    }
}
