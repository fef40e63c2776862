using System.Runtime.InteropServices;

namespace Platform.Actors.Copying;

/// <summary>
/// Types whose instances stand for something outside the object graph (a handle, a thread, a pending
/// operation), so a copy would be a second owner of the same thing, not a second value.
/// </summary>
internal static class UncopyableTypes
{
    private static readonly Type[] Bases =
    [
        typeof(Task), typeof(Stream), typeof(SafeHandle), typeof(WaitHandle), typeof(Thread), typeof(SemaphoreSlim),
        typeof(ManualResetEventSlim), typeof(ReaderWriterLockSlim), typeof(CountdownEvent), typeof(Barrier),
        typeof(CancellationTokenSource), typeof(Lock), typeof(Timer),
    ];

    private static readonly Type[] GenericDefinitions = [typeof(ValueTask<>), typeof(TaskCompletionSource<>)];

    public static bool Contains(Type type)
    {
        if (type == typeof(ValueTask) || type == typeof(TaskCompletionSource)) return true;
        foreach (var denied in Bases)
        {
            if (denied.IsAssignableFrom(type)) return true;
        }

        return type.IsGenericType && Array.IndexOf(GenericDefinitions, type.GetGenericTypeDefinition()) >= 0;
    }

    public static NotSupportedException Error(Type type, string? detail = null) => new(
        $"{Describe(type)} cannot be copied across a grain boundary{detail}; mark it [Immutable] or pass a value.");

    /// <summary>A C#-looking name, so the message points at the type as the user wrote it.</summary>
    public static string Describe(Type type)
    {
        if (type.IsArray) return Describe(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var name = type.GetGenericTypeDefinition().FullName ?? type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0) name = name[..tick];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>";
    }
}
