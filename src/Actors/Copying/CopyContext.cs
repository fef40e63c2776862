using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Platform.Actors.Copying;

/// <summary>
/// One deep copy in progress. Objects are cloned shallowly and their fields fixed up from a work stack,
/// not by recursion, so a long linked list cannot overflow the stack; a map from original to copy keeps
/// shared children shared and cycles closed.
/// </summary>
internal sealed class CopyContext
{
    // Beyond this many objects a context is not kept for reuse, so one huge copy does not pin its tables.
    private const int MaxRetainedCopies = 1024;

    // Each thread keeps one context, so a small copy allocates only its copies.
    [ThreadStatic]
    private static CopyContext? t_spare;

    private readonly Stack<(object Copy, CopyPlan Plan)> _unfinished = new();
    private readonly List<(object Copy, Action<object> Rehash)> _rehashes = [];
    private object? _root;
    private object? _rootCopy;

    // Filled from the second object copied on: a graph of one object cannot refer to anything twice.
    private Dictionary<object, object>? _copies;
    private bool _tracking;

    /// <summary>Copies <paramref name="root"/>, whose plan does not share it.</summary>
    public static object CopyRoot(object root, CopyPlan plan)
    {
        if (plan.Kind == CopyPlanKind.Unsupported) throw plan.Error();

        // Nothing can be written into an empty array, and sharing keeps Array.Empty's identity.
        if (root is Array { Length: 0 }) return root;
        var copy = plan.Clone(root);
        if (plan.IsLeaf) return copy;
        Rent(root, copy).Finish(copy, plan);
        return copy;
    }

    /// <summary>Copies what a struct refers to, in place: the box was made for this copy, and nothing else refers to it.</summary>
    public static void CopyIntoBox(object box, CopyPlan plan)
    {
        if (plan.Kind == CopyPlanKind.Unsupported) throw plan.Error();
        if (!plan.IsLeaf) Rent(null, null).Finish(box, plan);
    }

    // Taken out of the slot while in use: a key's GetHashCode may itself copy something.
    private static CopyContext Rent(object? root, object? rootCopy)
    {
        var context = t_spare ?? new CopyContext();
        t_spare = null;
        context._root = root;
        context._rootCopy = rootCopy;
        return context;
    }

    // Not reached when a copy throws: that context is dropped half-full, and the next copy makes a new one.
    private void Return()
    {
        _root = _rootCopy = null;
        _tracking = false;
        _rehashes.Clear();
        if (_copies is { Count: > MaxRetainedCopies }) return;
        _copies?.Clear();
        t_spare = this;
    }

    private void Finish(object copy, CopyPlan plan)
    {
        Schedule(copy, plan);
        while (_unfinished.TryPop(out var item))
        {
            if (item.Plan.Kind == CopyPlanKind.Array) CopyElements((Array)item.Copy, item.Plan);
            else CopyFields(item.Copy, item.Plan);
        }

        // Innermost collections first, in case an outer key's hash code looks inside one.
        for (var i = _rehashes.Count - 1; i >= 0; i--) _rehashes[i].Rehash(_rehashes[i].Copy);
        Return();
    }

    private void Schedule(object copy, CopyPlan plan)
    {
        if (!plan.IsLeaf) _unfinished.Push((copy, plan));
        if (plan.Rehash is { } rehash) _rehashes.Add((copy, rehash));
    }

    private object? CopyReference(object? original, ref CopyPlan? lastPlan)
    {
        if (original is null) return null;
        var plan = CopyPlan.For(original.GetType(), ref lastPlan);
        if (plan.Kind == CopyPlanKind.Shared) return original;
        if (plan.Kind == CopyPlanKind.Unsupported) throw plan.Error();
        if (original is Array { Length: 0 }) return original;

        if (!_tracking && ReferenceEquals(original, _root)) return _rootCopy;
        var copies = _copies ??= new Dictionary<object, object>(ReferenceEqualityComparer.Instance);
        if (!_tracking)
        {
            _tracking = true;
            if (_root is not null) copies.Add(_root, _rootCopy!);
        }
        else if (copies.TryGetValue(original, out var existing))
        {
            return existing;
        }

        var copy = plan.Clone(original);
        copies.Add(original, copy);
        Schedule(copy, plan);
        return copy;
    }

    // The target is a clone, so its fields still hold the original's values until replaced here.
    private void CopyFields(object target, CopyPlan plan)
    {
        foreach (var field in plan.Fields)
        {
            var value = field.Get(target);
            if (value is null) continue;
            if (field.StructPlan is not { } structPlan)
            {
                var copy = CopyReference(value, ref field.LastPlan);
                if (!ReferenceEquals(copy, value)) field.Set(target, copy);
            }
            else
            {
                // Get boxed a copy of the struct: fix that box, then store it back.
                CopyFields(value, structPlan);
                field.Set(target, value);
            }
        }
    }

    private void CopyElements(Array array, CopyPlan plan)
    {
        if (plan.CopiesElementReferences)
        {
            // Elements of any rank lie flat in memory. Storing without the covariance check is safe:
            // every copy has the type of the original that was stored in this array.
            var elements = MemoryMarshal.CreateSpan(
                ref Unsafe.As<byte, object?>(ref MemoryMarshal.GetArrayDataReference(array)), array.Length);
            for (var i = 0; i < elements.Length; i++) elements[i] = CopyReference(elements[i], ref plan.LastElementPlan);
            return;
        }

        var elementPlan = plan.ElementPlan!;
        if (array.Rank == 1)
        {
            var first = array.GetLowerBound(0);
            for (var i = first; i < first + array.Length; i++) CopyElement(array, elementPlan, i);
            return;
        }

        var index = new int[array.Rank];
        for (var dimension = 0; dimension < index.Length; dimension++) index[dimension] = array.GetLowerBound(dimension);
        for (var n = 0; n < array.Length; n++)
        {
            CopyElement(array, elementPlan, index);
            for (var dimension = index.Length - 1; dimension >= 0; dimension--)
            {
                if (++index[dimension] <= array.GetUpperBound(dimension)) break;
                index[dimension] = array.GetLowerBound(dimension);
            }
        }
    }

    private void CopyElement(Array array, CopyPlan elementPlan, int index)
    {
        if (array.GetValue(index) is not { } box) return;
        CopyFields(box, elementPlan);
        array.SetValue(box, index);
    }

    private void CopyElement(Array array, CopyPlan elementPlan, int[] index)
    {
        if (array.GetValue(index) is not { } box) return;
        CopyFields(box, elementPlan);
        array.SetValue(box, index);
    }
}
