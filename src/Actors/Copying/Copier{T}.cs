namespace Platform.Actors.Copying;

/// <summary>
/// Copies values that cross a grain boundary, so that no two activations share a mutable object.
/// Immutable values are passed through. Used by generated code for every argument and result.
/// </summary>
public static class Copier<T>
{
    // Computed once per closed T. For value types the JIT specializes Copy and folds this to a constant,
    // so Copier<int>.Copy compiles to a plain return.
    private static readonly bool NeedsNoCopy = CopyPlan.NeedsNoCopy(typeof(T));

    // A value of a sealed type has exactly that type, so the static answer is the whole answer.
    private static readonly bool IsExact = typeof(T).IsSealed;

    /// <exception cref="NotSupportedException">The value holds something that stands for more than a value (a stream, a task, a handle).</exception>
    public static T Copy(T value)
    {
        if (typeof(T).IsValueType) return NeedsNoCopy ? value : DeepCopier.Copy(value);
        if (value is null) return value;
        if (IsExact || value.GetType() == typeof(T)) return NeedsNoCopy ? value : (T)DeepCopier.CopyObject(value);

        // A subclass, or an implementation of an interface: judged by what it is, through the plan cache.
        return (T)DeepCopier.CopyObject(value);
    }
}
