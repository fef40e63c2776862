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
        if (typeof(T).IsValueType)
        {
            if (CopyPlan.NeedsNoCopy(typeof(T))) return value;
            object box = value;
            CopyContext.CopyIntoBox(box, CopyPlan.For(box.GetType()));
            return (T)box;
        }

        return (T)CopyObject(value);
    }

    /// <summary>Copies an object by its runtime type; returns it as it is when that type is shared.</summary>
    internal static object CopyObject(object value)
    {
        var plan = CopyPlan.For(value.GetType());
        return plan.Kind == CopyPlanKind.Shared ? value : CopyContext.CopyRoot(value, plan);
    }
}
