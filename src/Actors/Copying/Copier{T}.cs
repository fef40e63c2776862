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

    // A value of a sealed type has exactly that type, so the static answer is the whole answer. Not so
    // for arrays: an object[] may be a string[].
    private static readonly bool IsExact = typeof(T).IsSealed && !typeof(T).IsArray;

    // How to copy values of exactly T (of the type inside, for a Nullable), when they need copying at all.
    private static readonly CopyPlan? Plan = NeedsNoCopy || typeof(T).IsAbstract || typeof(T).IsInterface
        ? null
        : CopyPlan.For(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));

    // The plan of the last subclass or implementation seen: an interface-typed argument is mostly one proxy class.
    private static CopyPlan? _lastRuntimePlan;

    /// <exception cref="NotSupportedException">The value holds something that stands for more than a value (a stream, a task, a handle).</exception>
    public static T Copy(T value)
    {
        if (typeof(T).IsValueType) return NeedsNoCopy ? value : DeepCopier.CopyStruct(value, Plan!);
        if (value is null) return value;
        if (IsExact || value.GetType() == typeof(T)) return NeedsNoCopy ? value : (T)DeepCopier.CopyObject(value, Plan!);

        // A subclass, or an implementation of an interface: judged by what it is, through the plan cache.
        return (T)DeepCopier.CopyObject(value, CopyPlan.For(value.GetType(), ref _lastRuntimePlan));
    }
}
