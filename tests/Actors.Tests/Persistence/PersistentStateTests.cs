using Platform.Actors.Persistence;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PersistentStateTests(PostgresFixture fixture)
{
    private PersistentStateFactory Factory => new(fixture.Storage);

    [Fact]
    public async Task Reading_a_state_never_written_gives_a_new_state_and_no_record()
    {
        var state = Factory.Create<CartState>(PostgresFixture.NewGrainId("cart"), "cart");

        await state.ReadStateAsync();

        Assert.Empty(state.State.Items);
        Assert.False(state.RecordExists);
        Assert.Null(state.Etag);
    }

    [Fact]
    public async Task Written_state_is_read_back_by_another_activation()
    {
        var grain = PostgresFixture.NewGrainId("cart");
        var writer = Factory.Create<CartState>(grain, "cart");
        writer.State.Items.Add("apple");
        writer.State.Owner = "ada";

        await writer.WriteStateAsync();
        var reader = Factory.Create<CartState>(grain, "cart");
        await reader.ReadStateAsync();

        Assert.Equal(["apple"], reader.State.Items);
        Assert.Equal("ada", reader.State.Owner);
        Assert.True(reader.RecordExists);
        Assert.Equal(writer.Etag, reader.Etag);
    }

    [Fact]
    public async Task Clear_resets_the_state_and_a_later_read_finds_no_record()
    {
        var grain = PostgresFixture.NewGrainId("cart");
        var state = Factory.Create<CartState>(grain, "cart");
        state.State.Items.Add("pear");
        await state.WriteStateAsync();

        await state.ClearStateAsync();
        var reader = Factory.Create<CartState>(grain, "cart");
        await reader.ReadStateAsync();

        Assert.Empty(state.State.Items);
        Assert.False(state.RecordExists);
        Assert.Empty(reader.State.Items);
        Assert.False(reader.RecordExists);
        Assert.Equal(state.Etag, reader.Etag);
    }

    [Fact]
    public async Task A_stale_activation_cannot_overwrite_a_newer_state()
    {
        var grain = PostgresFixture.NewGrainId("cart");
        var stale = Factory.Create<CartState>(grain, "cart");
        var fresh = Factory.Create<CartState>(grain, "cart");
        await stale.ReadStateAsync();
        await fresh.ReadStateAsync();
        fresh.State.Items.Add("fig");
        await fresh.WriteStateAsync();

        stale.State.Items.Add("plum");

        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.WriteStateAsync());
    }

    [Fact]
    public async Task Writing_after_a_clear_continues_the_version()
    {
        var state = Factory.Create<CartState>(PostgresFixture.NewGrainId("cart"), "cart");
        await state.WriteStateAsync();
        await state.ClearStateAsync();

        state.State.Items.Add("kiwi");
        await state.WriteStateAsync();

        Assert.Equal("3", state.Etag);
        Assert.True(state.RecordExists);
    }

    [Fact]
    public void A_state_type_without_a_parameterless_constructor_is_refused_by_name()
    {
        var refusal = Assert.Throws<InvalidOperationException>(
            () => Factory.Create<StateWithoutDefaultConstructor>(PostgresFixture.NewGrainId(), "broken"));

        Assert.Contains(nameof(StateWithoutDefaultConstructor), refusal.Message, StringComparison.Ordinal);
    }

    public sealed class CartState
    {
        public List<string> Items { get; set; } = [];

        public string? Owner { get; set; }
    }

    public sealed record StateWithoutDefaultConstructor(int Value);
}
