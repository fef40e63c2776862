using System.Collections.Immutable;
using Platform.Actors.Invocation;

namespace Platform.Actors.Tests.Copying;

public record Money(decimal Amount, string Currency);

public record Order(string Id, Money Total, ImmutableList<Money> Lines);

public record Basket(string Owner, List<string> Items);

// Immutable by its fields; a subclass below adds mutable state.
public record Shape(string Name);

public record TaggedShape(string Name) : Shape(Name)
{
    public List<string> Tags { get; set; } = [];
}

public record struct MutablePoint(int X, int Y);

public readonly record struct Label(string Text);

public struct Tagged
{
    public int Id;
    public List<string> Tags;
}

public sealed class Counter
{
    public int Value;
}

public sealed class Holder
{
    public readonly List<int> Numbers = [];
    public string Name = "";
}

public sealed class Node
{
    public int Value;
    public Node? Next;
    public Node? Other;
}

public sealed record SelfReferencing(string Name, SelfReferencing? Parent);

// A reads as immutable until B's mutable field is found, and B rests on A: neither is immutable.
public sealed class CycleA(CycleB? b)
{
    public readonly CycleB? B = b;
}

public sealed class CycleB(CycleA? a)
{
    public readonly CycleA? A = a;
    public int Mutable;
}

[Immutable]
public sealed class DeclaredImmutable
{
    public List<int> Cache = [];
}

public sealed class WithObjectField(object value)
{
    public readonly object Value = value;
}

public sealed class WithStream(Stream stream)
{
    public readonly Stream Stream = stream;
}

public sealed class WithTask(Task task)
{
    public readonly Task Task = task;
}

// Hashes by identity, as most classes do: a copy files under a different hash code from its original.
public sealed class IdentityKey(string name)
{
    public string Name { get; set; } = name;
}

public interface ITestGrain : IAddressable;

public sealed class TestGrainReference(GrainId grainId) : GrainReference(grainId, null!), ITestGrain
{
    public override Type InterfaceType => typeof(ITestGrain);
}

public class Account(string owner)
{
    private readonly List<string> _history = [owner];

    public IReadOnlyList<string> History => _history;

    public void Record(string entry) => _history.Add(entry);
}

public sealed class SavingsAccount(string owner, decimal rate) : Account(owner)
{
    public decimal Rate { get; } = rate;
}
