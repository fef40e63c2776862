using System.Collections.Concurrent;
using Platform.Actors.Copying;
using Xunit;

namespace Platform.Actors.Tests.Copying;

public class DeepCopierTests
{
    [Fact]
    public void Cyclic_graph_is_copied_with_its_cycle()
    {
        var first = new Node { Value = 1 };
        var second = new Node { Value = 2, Next = first };
        first.Next = second;

        var copy = DeepCopier.Copy(first);

        Assert.NotSame(first, copy);
        Assert.NotSame(second, copy.Next);
        Assert.Equal(2, copy.Next!.Value);
        Assert.Same(copy, copy.Next.Next);
    }

    [Fact]
    public void Object_that_refers_to_itself_is_copied_with_the_loop()
    {
        var node = new Node { Value = 1 };
        node.Next = node;

        var copy = DeepCopier.Copy(node);

        Assert.NotSame(node, copy);
        Assert.Same(copy, copy.Next);
    }

    [Fact]
    public void Shared_child_stays_shared_in_the_copy()
    {
        var child = new Node { Value = 9 };
        var root = new Node { Next = child, Other = child };

        var copy = DeepCopier.Copy(root);

        Assert.NotSame(child, copy.Next);
        Assert.Same(copy.Next, copy.Other);
    }

    [Fact]
    public void Shared_child_in_a_list_stays_shared()
    {
        var child = new Counter { Value = 1 };
        var list = new List<Counter> { child, child };

        var copy = DeepCopier.Copy(list);
        copy[0].Value = 2;

        Assert.Equal(1, child.Value);
        Assert.Same(copy[0], copy[1]);
    }

    [Fact]
    public void Long_chain_is_copied_without_recursion()
    {
        var head = new Node();
        var tail = head;
        for (var i = 1; i < 200_000; i++) tail = tail.Next = new Node { Value = i };

        var copy = DeepCopier.Copy(head);

        var count = 0;
        for (var node = copy; node is not null; node = node.Next) count++;
        Assert.Equal(200_000, count);
    }

    [Fact]
    public void Copy_of_dictionary_is_independent()
    {
        var original = new Dictionary<string, List<int>> { ["a"] = [1], ["b"] = [2] };

        var copy = DeepCopier.Copy(original);
        copy["a"].Add(10);
        copy["c"] = [3];
        copy.Remove("b");

        Assert.Equal(["a", "b"], original.Keys);
        Assert.Equal([1], original["a"]);
        Assert.Equal([2], original["b"]);
        Assert.Equal([1, 10], copy["a"]);
    }

    [Fact]
    public void Dictionary_keeps_its_comparer()
    {
        var original = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase) { ["Key"] = 1 };

        var copy = DeepCopier.Copy(original);

        Assert.Equal(1, copy["KEY"]);
        Assert.Same(StringComparer.OrdinalIgnoreCase, copy.Comparer);
    }

    [Fact]
    public void Dictionary_with_copied_keys_finds_them_under_their_new_hash_codes()
    {
        var key = new IdentityKey("k");
        var original = new Dictionary<IdentityKey, Counter> { [key] = new Counter { Value = 1 } };

        var copy = DeepCopier.Copy(original);
        var copiedKey = Assert.Single(copy.Keys);

        Assert.NotSame(key, copiedKey);
        Assert.Equal("k", copiedKey.Name);
        Assert.Equal(1, copy[copiedKey].Value);
        Assert.NotSame(original[key], copy[copiedKey]);
        Assert.False(copy.ContainsKey(key));
    }

    [Fact]
    public void Hash_set_of_mutable_objects_contains_the_copies()
    {
        var item = new IdentityKey("k");
        var original = new HashSet<IdentityKey> { item };

        var copy = DeepCopier.Copy(original);
        var copiedItem = Assert.Single(copy);

        Assert.NotSame(item, copiedItem);
        Assert.Contains(copiedItem, copy);
        copy.Add(new IdentityKey("other"));
        Assert.Single(original);
    }

    [Fact]
    public void Concurrent_and_ordered_dictionaries_with_copied_keys_are_rehashed()
    {
        var key = new IdentityKey("k");
        var concurrent = new ConcurrentDictionary<IdentityKey, int>();
        concurrent[key] = 1;
        var ordered = new OrderedDictionary<object, int> { [key] = 1, ["text"] = 2 };

        var concurrentCopy = DeepCopier.Copy(concurrent);
        var orderedCopy = DeepCopier.Copy(ordered);

        var copiedKey = Assert.Single(concurrentCopy.Keys);
        Assert.Equal(1, concurrentCopy[copiedKey]);
        Assert.False(concurrentCopy.ContainsKey(key));
        Assert.Equal(["k", "text"], orderedCopy.Keys.Select(k => k is IdentityKey identity ? identity.Name : k));
        Assert.Equal(1, orderedCopy[orderedCopy.GetAt(0).Key]);
        Assert.Equal(2, orderedCopy["text"]);
    }

    [Fact]
    public void Other_collections_are_copied_independently()
    {
        var linked = new LinkedList<Counter>([new Counter { Value = 1 }, new Counter { Value = 2 }]);
        var queue = new Queue<Counter>([new Counter { Value = 3 }]);
        var sorted = new SortedDictionary<string, Counter> { ["a"] = new Counter { Value = 4 } };

        var linkedCopy = DeepCopier.Copy(linked);
        var queueCopy = DeepCopier.Copy(queue);
        var sortedCopy = DeepCopier.Copy(sorted);
        linkedCopy.First!.Value.Value = 10;
        linkedCopy.AddLast(new Counter());
        queueCopy.Dequeue().Value = 30;
        sortedCopy["a"].Value = 40;
        sortedCopy["b"] = new Counter();

        Assert.Equal([1, 2], linked.Select(c => c.Value));
        Assert.Same(linkedCopy, linkedCopy.First.List);
        Assert.Equal(3, queue.Peek().Value);
        Assert.Equal(4, sorted["a"].Value);
        Assert.Single(sorted);
    }

    [Fact]
    public void Hash_set_of_strings_is_copied()
    {
        var original = new HashSet<string> { "a", "b" };

        var copy = DeepCopier.Copy(original);
        copy.Remove("a");

        Assert.Equal(2, original.Count);
        Assert.Contains("b", copy);
    }

    [Fact]
    public void Array_of_structs_with_references_is_deep_copied()
    {
        var original = new[] { new Tagged { Id = 1, Tags = ["a"] }, new Tagged { Id = 2, Tags = ["b"] } };

        var copy = DeepCopier.Copy(original);
        copy[0].Tags.Add("x");
        copy[1].Id = 20;

        Assert.NotSame(original, copy);
        Assert.Equal(["a"], original[0].Tags);
        Assert.Equal(2, original[1].Id);
        Assert.Equal(["a", "x"], copy[0].Tags);
        Assert.Equal(["b"], copy[1].Tags);
    }

    [Fact]
    public void Array_of_nullable_structs_with_references_is_deep_copied()
    {
        var original = new Tagged?[] { new Tagged { Tags = ["a"] }, null };

        var copy = DeepCopier.Copy(original);

        Assert.NotSame(original[0]!.Value.Tags, copy[0]!.Value.Tags);
        Assert.Null(copy[1]);
    }

    [Fact]
    public void Array_of_values_is_copied()
    {
        var original = new[] { 1, 2, 3 };

        var copy = DeepCopier.Copy(original);
        copy[0] = 10;

        Assert.Equal([1, 2, 3], original);
    }

    [Fact]
    public void Jagged_array_is_deep_copied()
    {
        var original = new[] { new[] { new Counter { Value = 1 } }, new[] { new Counter { Value = 2 } } };

        var copy = DeepCopier.Copy(original);
        copy[0][0].Value = 10;
        copy[1][0] = new Counter();

        Assert.Equal(1, original[0][0].Value);
        Assert.Equal(2, original[1][0].Value);
    }

    [Fact]
    public void Multidimensional_array_of_references_is_deep_copied()
    {
        var original = new Counter[2, 3];
        for (var i = 0; i < 2; i++)
        for (var j = 0; j < 3; j++)
            original[i, j] = new Counter { Value = (10 * i) + j };

        var copy = DeepCopier.Copy(original);
        copy[1, 2].Value = 99;

        Assert.Equal(12, original[1, 2].Value);
        Assert.Equal(11, copy[1, 1].Value);
        Assert.NotSame(original[0, 0], copy[0, 0]);
    }

    [Fact]
    public void Multidimensional_array_of_structs_with_references_is_deep_copied()
    {
        var original = new Tagged[2, 2];
        original[1, 1] = new Tagged { Id = 4, Tags = ["d"] };
        original[0, 1] = new Tagged { Id = 2, Tags = ["b"] };

        var copy = DeepCopier.Copy(original);
        copy[1, 1].Tags.Add("x");

        Assert.Equal(["d"], original[1, 1].Tags);
        Assert.Equal(["b"], copy[0, 1].Tags);
        Assert.Equal(4, copy[1, 1].Id);
    }

    [Fact]
    public void Array_that_contains_itself_is_copied_with_the_loop()
    {
        var original = new object[2];
        original[0] = original;
        original[1] = "text";

        var copy = DeepCopier.Copy(original);

        Assert.NotSame(original, copy);
        Assert.Same(copy, copy[0]);
        Assert.Same(original[1], copy[1]);
    }

    [Fact]
    public void Empty_array_is_shared() => Assert.Same(Array.Empty<Counter>(), DeepCopier.Copy(Array.Empty<Counter>()));

    [Fact]
    public void Strings_and_immutable_values_inside_a_copy_are_shared()
    {
        var money = new Money(1, "EUR");
        var original = new List<object> { "text", money };

        var copy = DeepCopier.Copy(original);

        Assert.Same(original[0], copy[0]);
        Assert.Same(money, copy[1]);
    }

    [Fact]
    public void Pointer_arrays_cannot_be_copied() =>
        Assert.Equal(CopyPlanKind.Unsupported, CopyPlan.For(typeof(int*).MakeArrayType()).Kind);
}
