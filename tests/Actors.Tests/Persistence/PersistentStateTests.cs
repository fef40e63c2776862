namespace Platform.Actors.Tests.Persistence;

[Collection(StorageCollection.Name)]
public sealed class PersistentStateTests(StorageFixture fixture)
{
    [Fact]
    public async Task New_state_has_no_record_and_no_etag()
    {
        var state = fixture.States.Create<Profile>(NewGrain(), "profile");

        await state.ReadStateAsync();

        Assert.False(state.RecordExists);
        Assert.Null(state.Etag);
        Assert.Equal(new Profile().Name, state.State.Name);
    }

    [Fact]
    public async Task Written_state_is_read_back_by_another_instance()
    {
        var grain = NewGrain();
        var writer = fixture.States.Create<Profile>(grain, "profile");
        writer.State.Name = "Ada";
        writer.State.Tags.Add("math");
        await writer.WriteStateAsync();

        var reader = fixture.States.Create<Profile>(grain, "profile");
        await reader.ReadStateAsync();

        Assert.True(reader.RecordExists);
        Assert.Equal(writer.Etag, reader.Etag);
        Assert.Equal("Ada", reader.State.Name);
        Assert.Equal(["math"], reader.State.Tags);
    }

    [Fact]
    public async Task Stale_instance_cannot_overwrite_a_newer_write()
    {
        var grain = NewGrain();
        var first = fixture.States.Create<Profile>(grain, "profile");
        var second = fixture.States.Create<Profile>(grain, "profile");
        await first.ReadStateAsync();
        await second.ReadStateAsync();

        await first.WriteStateAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => second.WriteStateAsync());
    }

    [Fact]
    public async Task Clear_resets_the_state_and_the_record()
    {
        var grain = NewGrain();
        var state = fixture.States.Create<Profile>(grain, "profile");
        state.State.Name = "Ada";
        await state.WriteStateAsync();

        await state.ClearStateAsync();
        var reader = fixture.States.Create<Profile>(grain, "profile");
        await reader.ReadStateAsync();

        Assert.False(state.RecordExists);
        Assert.Equal(new Profile().Name, state.State.Name);
        Assert.False(reader.RecordExists);
        Assert.Equal(state.Etag, reader.Etag);
    }

    private static GrainId NewGrain() => new("state-test", Guid.NewGuid().ToString("N"));

    public sealed class Profile
    {
        public string Name { get; set; } = "nobody";

        public List<string> Tags { get; set; } = [];
    }
}
