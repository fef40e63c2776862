using System.Collections.Immutable;
using Platform.Actors.Copying;
using Xunit;

namespace Platform.Actors.Tests.Copying;

public class ImmutableTypesTests
{
    [Theory]
    [InlineData(typeof(int))]
    [InlineData(typeof(double))]
    [InlineData(typeof(DayOfWeek))]
    [InlineData(typeof(string))]
    [InlineData(typeof(decimal))]
    [InlineData(typeof(DateTime))]
    [InlineData(typeof(DateTimeOffset))]
    [InlineData(typeof(TimeSpan))]
    [InlineData(typeof(Guid))]
    [InlineData(typeof(DateOnly))]
    [InlineData(typeof(TimeOnly))]
    [InlineData(typeof(Uri))]
    [InlineData(typeof(Version))]
    [InlineData(typeof(GrainId))]
    [InlineData(typeof(Type))]
    [InlineData(typeof(int?))]
    [InlineData(typeof(CancellationToken))]
    [InlineData(typeof(Action<int>))]
    [InlineData(typeof(KeyValuePair<string, int>))]
    [InlineData(typeof(Tuple<int, string>))]
    public void Well_known_values_are_immutable(Type type) => Assert.True(ImmutableTypes.IsImmutable(type));

    [Fact]
    public void Runtime_type_objects_are_immutable() => Assert.True(ImmutableTypes.IsImmutable(typeof(int).GetType()));

    [Fact]
    public void Reflection_objects_are_immutable()
    {
        Assert.True(ImmutableTypes.IsImmutable(typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!.GetType()));
        Assert.True(ImmutableTypes.IsImmutable(typeof(string).Assembly.GetType()));
    }

    [Fact]
    public void Record_with_only_immutable_fields_is_immutable()
    {
        Assert.True(ImmutableTypes.IsImmutable(typeof(Money)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(Order)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(Label)));
    }

    [Fact]
    public void Record_with_a_list_is_not_immutable() => Assert.False(ImmutableTypes.IsImmutable(typeof(Basket)));

    [Fact]
    public void Record_struct_with_setters_is_not_immutable() => Assert.False(ImmutableTypes.IsImmutable(typeof(MutablePoint)));

    [Fact]
    public void Readonly_field_of_a_mutable_type_makes_the_type_mutable() => Assert.False(ImmutableTypes.IsImmutable(typeof(Holder)));

    [Fact]
    public void Record_that_refers_to_its_own_type_is_immutable() => Assert.True(ImmutableTypes.IsImmutable(typeof(SelfReferencing)));

    [Fact]
    public void Types_in_a_cycle_with_a_mutable_field_are_both_mutable()
    {
        Assert.False(ImmutableTypes.IsImmutable(typeof(CycleA)));
        Assert.False(ImmutableTypes.IsImmutable(typeof(CycleB)));
    }

    [Fact]
    public void Subclass_that_adds_mutable_state_is_not_immutable()
    {
        Assert.True(ImmutableTypes.IsImmutable(typeof(Shape)));
        Assert.False(ImmutableTypes.IsImmutable(typeof(TaggedShape)));
    }

    [Fact]
    public void Type_marked_immutable_is_trusted() => Assert.True(ImmutableTypes.IsImmutable(typeof(DeclaredImmutable)));

    [Fact]
    public void Immutable_collections_are_immutable_when_their_items_are()
    {
        Assert.True(ImmutableTypes.IsImmutable(typeof(ImmutableArray<Money>)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(ImmutableDictionary<string, Money>)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(ImmutableSortedDictionary<int, string>)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(ImmutableHashSet<Guid>)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(ImmutableQueue<int>)));
        Assert.True(ImmutableTypes.IsImmutable(typeof(ImmutableStack<int>)));
        Assert.False(ImmutableTypes.IsImmutable(typeof(ImmutableList<List<int>>)));
        Assert.False(ImmutableTypes.IsImmutable(typeof(ImmutableArray<Basket>)));
    }

    [Fact]
    public void Grain_reference_subclass_is_immutable() => Assert.True(ImmutableTypes.IsImmutable(typeof(TestGrainReference)));

    [Fact]
    public void Exceptions_are_not_immutable_but_are_shared()
    {
        Assert.False(ImmutableTypes.IsImmutable(typeof(InvalidOperationException)));
        Assert.True(ImmutableTypes.IsShared(typeof(InvalidOperationException)));
    }

    [Theory]
    [InlineData(typeof(object))]
    [InlineData(typeof(IComparable))]
    [InlineData(typeof(WithObjectField))]
    [InlineData(typeof(int[]))]
    [InlineData(typeof(string[]))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(Task))]
    [InlineData(typeof(WithTask))]
    public void What_cannot_be_proved_immutable_is_not(Type type) => Assert.False(ImmutableTypes.IsImmutable(type));
}
