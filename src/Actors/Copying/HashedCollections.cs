using System.Collections.Concurrent;
using System.Reflection;

namespace Platform.Actors.Copying;

/// <summary>
/// Hash-based collections store each key's hash code next to it. A copied key can hash differently from
/// its original (the default hash is the object's identity), so after the graph is copied the copy's
/// entries are filed again under their new hash codes.
/// </summary>
internal static class HashedCollections
{
    private static readonly MethodInfo RehashDictionaryMethod =
        typeof(HashedCollections).GetMethod(nameof(RehashDictionary), BindingFlags.Static | BindingFlags.NonPublic)!;

    private static readonly MethodInfo RehashSetMethod =
        typeof(HashedCollections).GetMethod(nameof(RehashSet), BindingFlags.Static | BindingFlags.NonPublic)!;

    /// <summary>Null when <paramref name="type"/> is not hash-based, or its keys are never copied.</summary>
    public static Action<object>? RehashFor(Type type)
    {
        for (var candidate = type; candidate is not null; candidate = candidate.BaseType)
        {
            if (!candidate.IsGenericType) continue;
            var definition = candidate.GetGenericTypeDefinition();
            var arguments = candidate.GetGenericArguments();
            if (definition == typeof(Dictionary<,>) || definition == typeof(ConcurrentDictionary<,>)
                || definition == typeof(OrderedDictionary<,>))
            {
                return Bind(RehashDictionaryMethod, arguments);
            }

            if (definition == typeof(HashSet<>)) return Bind(RehashSetMethod, arguments);
        }

        return null;
    }

    private static Action<object>? Bind(MethodInfo method, Type[] arguments) => CopyPlan.NeedsNoCopy(arguments[0])
        ? null
        : method.MakeGenericMethod(arguments).CreateDelegate<Action<object>>();

    // Enumeration follows the entries, not the hash codes, and the insertion order survives Clear and re-adding.
    private static void RehashDictionary<TKey, TValue>(object collection)
    {
        var dictionary = (IDictionary<TKey, TValue>)collection;
        var entries = dictionary.ToArray();
        dictionary.Clear();
        foreach (var entry in entries) dictionary.Add(entry);
    }

    private static void RehashSet<T>(object collection)
    {
        var set = (ISet<T>)collection;
        var items = set.ToArray();
        set.Clear();
        foreach (var item in items) set.Add(item);
    }
}
