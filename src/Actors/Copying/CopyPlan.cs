using System.Collections.Concurrent;
using System.Reflection;

namespace Platform.Actors.Copying;

/// <summary>
/// How to deep copy an object of one runtime type (or a struct of one declared type): computed once by
/// reflection, so a copy only walks the fields that can hold something to copy.
/// </summary>
internal sealed class CopyPlan
{
    private const BindingFlags DeclaredInstanceFields =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly ConcurrentDictionary<Type, CopyPlan> Plans = new();
    private static readonly Func<Type, CopyPlan> Create = CreatePlan;

    private readonly string? _unsupportedDetail;

    // Compiled on first use: most struct plans only ever copy fields in place.
    private Func<object, object>? _clone;

    private CopyPlan(Type type, CopyPlanKind kind, string? unsupportedDetail = null)
    {
        Type = type;
        Kind = kind;
        _unsupportedDetail = unsupportedDetail;
    }

    /// <summary>The runtime type, or declared struct type, this plan copies.</summary>
    public Type Type { get; }

    public CopyPlanKind Kind { get; }

    /// <summary>For <see cref="CopyPlanKind.Object"/>: the fields, inherited ones included, that a clone must not share.</summary>
    public FieldCopy[] Fields { get; private init; } = [];

    /// <summary>For <see cref="CopyPlanKind.Array"/>: whether each element is a reference to copy.</summary>
    public bool CopiesElementReferences { get; private init; }

    /// <summary>For <see cref="CopyPlanKind.Array"/>: the plan of struct elements holding references to copy.</summary>
    public CopyPlan? ElementPlan { get; private init; }

    /// <summary>For <see cref="CopyPlanKind.Array"/>: the plan of the last element copied, as in <see cref="FieldCopy.LastPlan"/>.</summary>
    public CopyPlan? LastElementPlan;

    /// <summary>For hash-based collections whose keys are copied: re-files the copied keys under their own hash codes.</summary>
    public Action<object>? Rehash { get; private init; }

    /// <summary>True when a shallow clone is already a whole copy: nothing inside it needs copying.</summary>
    public bool IsLeaf { get; private init; }

    public static CopyPlan For(Type type) => Plans.TryGetValue(type, out var plan) ? plan : Plans.GetOrAdd(type, Create);

    /// <summary>The plan for <paramref name="type"/>, checking the plan last used at the same place first.</summary>
    public static CopyPlan For(Type type, ref CopyPlan? last)
    {
        var plan = last;
        return plan is not null && plan.Type == type ? plan : last = For(type);
    }

    /// <summary>
    /// True when a value whose declared type is <paramref name="declared"/> needs no copy: an immutable value,
    /// or a struct that holds nothing but plain data (passing a struct already copies it).
    /// </summary>
    public static bool NeedsNoCopy(Type declared) => ClassifyMember(declared, out _) == MemberCopy.None;

    /// <summary>A shallow clone of an object of exactly this plan's type: references still point at the original's children.</summary>
    public object Clone(object original) => (_clone ??= ShallowCloners.For(Type))(original);

    public NotSupportedException Error() => UncopyableTypes.Error(Type, _unsupportedDetail);

    private static CopyPlan CreatePlan(Type type)
    {
        if (ImmutableTypes.IsShared(type)) return new CopyPlan(type, CopyPlanKind.Shared);
        if (UncopyableTypes.Contains(type) || type.IsPointer || type.IsFunctionPointer || type.IsByRef
            || type.IsByRefLike || type.ContainsGenericParameters || type.IsInterface || type.IsAbstract)
        {
            return new CopyPlan(type, CopyPlanKind.Unsupported);
        }

        return type.IsArray ? CreateArrayPlan(type) : CreateObjectPlan(type);
    }

    private static CopyPlan CreateArrayPlan(Type type)
    {
        var elementType = type.GetElementType()!;
        var element = ClassifyMember(elementType, out var elementPlan);
        if (element == MemberCopy.Unsupported)
        {
            return new CopyPlan(type, CopyPlanKind.Unsupported, $" because its elements are {UncopyableTypes.Describe(elementType)}");
        }

        return new CopyPlan(type, CopyPlanKind.Array)
        {
            CopiesElementReferences = element == MemberCopy.Reference,
            ElementPlan = elementPlan,
            IsLeaf = element == MemberCopy.None,
        };
    }

    private static CopyPlan CreateObjectPlan(Type type)
    {
        var fields = new List<FieldCopy>();
        for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
        {
            foreach (var field in declaring.GetFields(DeclaredInstanceFields))
            {
                switch (ClassifyMember(field.FieldType, out var structPlan))
                {
                    case MemberCopy.Reference:
                    case MemberCopy.Struct:
                        var (get, set) = FieldAccessors.For(field);
                        fields.Add(new FieldCopy(get, set, structPlan));
                        break;
                    case MemberCopy.Unsupported:
                        return new CopyPlan(type, CopyPlanKind.Unsupported,
                            $" because its field {field.Name} is a {UncopyableTypes.Describe(field.FieldType)}");
                }
            }
        }

        return new CopyPlan(type, CopyPlanKind.Object)
        {
            Fields = [.. fields],
            IsLeaf = fields.Count == 0,
            Rehash = HashedCollections.RehashFor(type),
        };
    }

    private static MemberCopy ClassifyMember(Type declared, out CopyPlan? structPlan)
    {
        structPlan = null;
        if (declared.IsPointer || declared.IsFunctionPointer) return MemberCopy.Unsupported;

        // Declared reference types are trusted as ImmutableTypes explains; anything else is judged per object.
        if (!declared.IsValueType) return ImmutableTypes.IsShared(declared) ? MemberCopy.None : MemberCopy.Reference;

        // A boxed Nullable<T> is a boxed T, and that is what reflection hands over.
        var plan = For(Nullable.GetUnderlyingType(declared) ?? declared);
        switch (plan.Kind)
        {
            case CopyPlanKind.Shared:
                return MemberCopy.None;
            case CopyPlanKind.Unsupported:
                return MemberCopy.Unsupported;
            default:
                if (plan.IsLeaf) return MemberCopy.None;
                structPlan = plan;
                return MemberCopy.Struct;
        }
    }

    private enum MemberCopy
    {
        None,
        Reference,
        Struct,
        Unsupported,
    }
}
