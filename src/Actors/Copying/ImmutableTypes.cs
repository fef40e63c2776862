using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
using System.Reflection;
using Platform.Actors.Invocation;

namespace Platform.Actors.Copying;

/// <summary>
/// Decides, once per type and by reflection, whether instances of a type can never change after
/// construction, so that two activations may share one instance.
/// </summary>
internal static class ImmutableTypes
{
    private const BindingFlags DeclaredInstanceFields =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<Type, bool> Verdicts = new();

    // Immutable by documentation, though their fields (arrays, caches) would not prove it.
    private static readonly HashSet<Type> KnownImmutable =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Uri), typeof(Version), typeof(GrainId), typeof(BigInteger),
        typeof(Half), typeof(Int128), typeof(UInt128), typeof(TimeZoneInfo),
        // It wraps a source that cannot cross a boundary anyway; the runtime rejects tokens elsewhere.
        typeof(CancellationToken),
    ];

    // Immutable when what they hold is.
    private static readonly HashSet<Type> ImmutableContainers =
    [
        typeof(Nullable<>), typeof(ImmutableArray<>), typeof(ImmutableList<>), typeof(ImmutableHashSet<>),
        typeof(ImmutableSortedSet<>), typeof(ImmutableQueue<>), typeof(ImmutableStack<>),
        typeof(ImmutableDictionary<,>), typeof(ImmutableSortedDictionary<,>),
    ];

    /// <summary>True when no instance of exactly <paramref name="type"/> can be changed after construction.</summary>
    public static bool IsImmutable(Type type) => Verdicts.TryGetValue(type, out var verdict) ? verdict : Evaluate(type);

    /// <summary>
    /// True when an object of this type crosses a grain boundary as it is: immutable values, and exceptions,
    /// which the runtime treats as owned by whoever catches them once thrown.
    /// </summary>
    public static bool IsShared(Type type) => typeof(Exception).IsAssignableFrom(type) || IsImmutable(type);

    // Immutability of a type can rest on that of others, which can rest on it (a record naming itself).
    // The answer is the greatest fixed point: every type reachable from the root is either decided by a
    // rule, or immutable unless something it rests on turns out mutable. A type under evaluation thus
    // counts as immutable, and no verdict taken on that assumption is cached before it is confirmed.
    private static bool Evaluate(Type root)
    {
        var decided = new Dictionary<Type, bool>();
        var undecided = new Dictionary<Type, List<Type>>();
        var toVisit = new Queue<Type>();
        toVisit.Enqueue(root);
        while (toVisit.TryDequeue(out var type))
        {
            if (decided.ContainsKey(type) || undecided.ContainsKey(type)) continue;
            if (Verdicts.TryGetValue(type, out var known))
            {
                decided[type] = known;
                continue;
            }

            var dependencies = new List<Type>();
            if (Classify(type, dependencies) is { } verdict)
            {
                decided[type] = verdict;
                continue;
            }

            undecided[type] = dependencies;
            foreach (var dependency in dependencies) toVisit.Enqueue(dependency);
        }

        bool changed;
        do
        {
            changed = false;
            foreach (var (type, dependencies) in undecided)
            {
                if (!dependencies.Exists(d => decided.TryGetValue(d, out var immutable) && !immutable)) continue;
                decided[type] = false;
                undecided.Remove(type);
                changed = true;
            }
        }
        while (changed);

        foreach (var type in undecided.Keys) decided[type] = true;
        foreach (var (type, verdict) in decided) Verdicts.TryAdd(type, verdict);
        return decided[root];
    }

    /// <summary>A verdict by rule, or null with the types whose immutability decides this one's.</summary>
    private static bool? Classify(Type type, List<Type> dependencies)
    {
        if (type.IsPointer || type.IsFunctionPointer || type.IsByRef || type.ContainsGenericParameters) return false;
        if (type.IsPrimitive || type.IsEnum || KnownImmutable.Contains(type)) return true;
        if (type.IsDefined(typeof(ImmutableAttribute), inherit: false)) return true;

        // References are values; delegates and Type objects are treated as values too, and so is the rest
        // of reflection: the runtime hands out one object per member, and a clone of one would be broken.
        if (typeof(GrainReference).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type)
            || typeof(MemberInfo).IsAssignableFrom(type) || typeof(ParameterInfo).IsAssignableFrom(type)
            || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type))
        {
            return true;
        }

        // An interface or object can hold anything, and arrays can always be written to.
        if (type.IsArray || type.IsInterface || type == typeof(object) || type == typeof(ValueType)
            || type == typeof(Enum) || type == typeof(Array) || UncopyableTypes.Contains(type))
        {
            return false;
        }

        if (type.IsGenericType && ImmutableContainers.Contains(type.GetGenericTypeDefinition()))
        {
            dependencies.AddRange(type.GetGenericArguments());
            return null;
        }

        // Structural: every instance field, backing fields included, readonly and of an immutable type.
        // Declared types are trusted: a readonly field of a non-sealed immutable type counts as immutable,
        // though a subclass of that type could add mutable state. Proving otherwise would mean checking
        // every object on every call, which is what this cache exists to avoid.
        if (!type.IsValueType && type.BaseType is { } baseType && baseType != typeof(object))
        {
            dependencies.Add(baseType);
        }

        foreach (var field in type.GetFields(DeclaredInstanceFields))
        {
            if (!field.IsInitOnly) return false;
            dependencies.Add(field.FieldType);
        }

        return dependencies.Count == 0 ? true : null;
    }
}
