using System.Collections.Immutable;
using Platform.Actors.Copying;
using Xunit;

namespace Platform.Actors.Tests.Copying;

public class CopierTests
{
    [Fact]
    public void Null_is_copied_as_null()
    {
        Assert.Null(Copier<string?>.Copy(null));
        Assert.Null(Copier<List<int>?>.Copy(null));
        Assert.Null(Copier<object?>.Copy(null));
        Assert.Null(Copier<int?>.Copy(null));
    }

    [Fact]
    public void Immutable_values_are_passed_through()
    {
        var text = new string('x', 3);
        Assert.Same(text, Copier<string>.Copy(text));
        Assert.Equal(42, Copier<int>.Copy(42));
        Assert.Equal(new GrainId("t", "k"), Copier<GrainId>.Copy(new GrainId("t", "k")));
        var uri = new Uri("https://example.com/");
        Assert.Same(uri, Copier<Uri>.Copy(uri));
    }

    [Fact]
    public void Record_with_only_immutable_fields_is_passed_through()
    {
        var order = new Order("o1", new Money(3, "EUR"), [new Money(1, "EUR"), new Money(2, "EUR")]);
        Assert.Same(order, Copier<Order>.Copy(order));
    }

    [Fact]
    public void Mutable_list_argument_is_copied()
    {
        var original = new List<string> { "a", "b" };

        var copy = Copier<List<string>>.Copy(original);
        copy.Add("c");
        copy[0] = "z";

        Assert.NotSame(original, copy);
        Assert.Equal(["a", "b"], original);
        Assert.Equal(["z", "b", "c"], copy);
    }

    [Fact]
    public void Record_with_list_field_is_deep_copied()
    {
        var original = new Basket("ann", ["apple", "pear"]);

        var copy = Copier<Basket>.Copy(original);
        copy.Items.Add("plum");

        Assert.NotSame(original.Items, copy.Items);
        Assert.Equal(["apple", "pear"], original.Items);
        Assert.Same(original.Owner, copy.Owner);
        Assert.Equal(original with { Items = copy.Items }, copy);
    }

    [Fact]
    public void Readonly_field_is_deep_copied()
    {
        var original = new Holder { Name = "h" };
        original.Numbers.Add(1);

        var copy = Copier<Holder>.Copy(original);
        copy.Numbers.Add(2);

        Assert.Equal([1], original.Numbers);
        Assert.Equal([1, 2], copy.Numbers);
    }

    [Fact]
    public void Grain_reference_is_passed_through()
    {
        var reference = new TestGrainReference(new GrainId("test", "1"));

        Assert.Same(reference, Copier<TestGrainReference>.Copy(reference));
        Assert.Same(reference, Copier<ITestGrain>.Copy(reference));
        Assert.Same(reference, Copier<object>.Copy(reference));
    }

    [Fact]
    public void Exception_is_passed_through()
    {
        var exception = new InvalidOperationException("boom");
        exception.Data["key"] = new List<int>();

        Assert.Same(exception, Copier<Exception>.Copy(exception));
        Assert.Same(exception, Copier<InvalidOperationException>.Copy(exception));
    }

    [Fact]
    public void Subclass_in_base_typed_variable_is_judged_by_its_runtime_type()
    {
        Shape plain = new Shape("circle");
        Shape tagged = new TaggedShape("square") { Tags = ["red"] };

        Assert.Same(plain, Copier<Shape>.Copy(plain));
        var copy = Assert.IsType<TaggedShape>(Copier<Shape>.Copy(tagged));
        Assert.NotSame(tagged, copy);
        Assert.Equal("square", copy.Name);
        copy.Tags.Add("blue");
        Assert.Equal(["red"], ((TaggedShape)tagged).Tags);
    }

    [Fact]
    public void Object_typed_value_is_judged_by_its_runtime_type()
    {
        object text = "hello";
        object boxed = 5;
        object list = new List<int> { 1 };

        Assert.Same(text, Copier<object>.Copy(text));
        Assert.Same(boxed, Copier<object>.Copy(boxed));
        var copy = Assert.IsType<List<int>>(Copier<object>.Copy(list));
        Assert.NotSame(list, copy);
        Assert.Equal([1], copy);
    }

    [Fact]
    public void Stream_cannot_be_copied()
    {
        using var stream = new MemoryStream();

        var error = Assert.Throws<NotSupportedException>(() => Copier<Stream>.Copy(stream));

        Assert.Contains("System.IO.MemoryStream cannot be copied across a grain boundary", error.Message, StringComparison.Ordinal);
        Assert.Contains("[Immutable]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_inside_an_argument_cannot_be_copied()
    {
        using var stream = new MemoryStream();

        Assert.Throws<NotSupportedException>(() => Copier<WithStream>.Copy(new WithStream(stream)));
    }

    [Fact]
    public void Task_cannot_be_copied()
    {
        var error = Assert.Throws<NotSupportedException>(() => Copier<object>.Copy(new WithTask(Task.Delay(1))));

        Assert.Contains("Task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_struct_is_passed_by_value()
    {
        var point = new MutablePoint(1, 2);

        Assert.Equal(point, Copier<MutablePoint>.Copy(point));
    }

    [Fact]
    public void Struct_with_a_list_is_deep_copied()
    {
        var original = new Tagged { Id = 7, Tags = ["a"] };

        var copy = Copier<Tagged>.Copy(original);
        copy.Tags.Add("b");

        Assert.Equal(7, copy.Id);
        Assert.Equal(["a"], original.Tags);
        Assert.Equal(["a", "b"], copy.Tags);
    }

    [Fact]
    public void Nullable_struct_with_a_list_is_deep_copied()
    {
        Tagged? original = new Tagged { Id = 7, Tags = ["a"] };

        var copy = Copier<Tagged?>.Copy(original);

        Assert.NotSame(original.Value.Tags, copy!.Value.Tags);
        Assert.Equal(["a"], copy.Value.Tags);
    }

    [Fact]
    public void Boxed_mutable_struct_is_copied()
    {
        object original = new Tagged { Id = 7, Tags = ["a"] };

        var copy = Copier<object>.Copy(original);

        Assert.NotSame(original, copy);
        Assert.NotSame(((Tagged)original).Tags, ((Tagged)copy).Tags);
    }

    [Fact]
    public void Immutable_array_of_mutable_items_is_deep_copied()
    {
        var original = ImmutableArray.Create(new List<int> { 1 });

        var copy = Copier<ImmutableArray<List<int>>>.Copy(original);
        copy[0].Add(2);

        Assert.Equal([1], original[0]);
    }

    [Fact]
    public void Array_in_a_variable_of_a_wider_array_type_is_copied_as_what_it_is()
    {
        object[] words = new[] { "a", "b" };
        Shape[] shapes = new[] { new TaggedShape("t") { Tags = ["x"] } };

        var wordsCopy = Copier<object[]>.Copy(words);
        var shapesCopy = Copier<Shape[]>.Copy(shapes);

        Assert.IsType<string[]>(wordsCopy);
        Assert.NotSame(words, wordsCopy);
        var tagged = Assert.IsType<TaggedShape>(Assert.Single(Assert.IsType<TaggedShape[]>(shapesCopy)));
        Assert.NotSame(shapes[0], tagged);
        Assert.Equal("t", tagged.Name);
    }

    [Fact]
    public void Inherited_private_fields_are_copied()
    {
        var original = new SavingsAccount("ann", 0.02m);

        var copy = Copier<Account>.Copy(original);
        copy.Record("deposit");

        var savings = Assert.IsType<SavingsAccount>(copy);
        Assert.Equal(0.02m, savings.Rate);
        Assert.Equal(["ann"], original.History);
        Assert.Equal(["ann", "deposit"], copy.History);
    }

    [Fact]
    public void Type_marked_immutable_is_passed_through()
    {
        var value = new DeclaredImmutable();

        Assert.Same(value, Copier<DeclaredImmutable>.Copy(value));
    }

    [Fact]
    public void Delegate_is_passed_through()
    {
        Func<int, int> twice = x => 2 * x;

        Assert.Same(twice, Copier<Func<int, int>>.Copy(twice));
    }
}
