using System.Text;

namespace Platform.Actors.Tests.Persistence;

[Collection(StorageCollection.Name)]
public sealed class GrainStorageTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Write_then_read_returns_the_payload_and_its_etag()
    {
        var grain = NewGrain();

        var etag = await fixture.Storage.WriteAsync(grain, "s", Json("""{"n":1}"""), null, None);
        var record = await fixture.Storage.ReadAsync(grain, "s", None);

        Assert.Equal(etag, record!.Etag);
        Assert.Equal("""{"n": 1}""", Encoding.UTF8.GetString(record.Payload!));
    }

    [Fact]
    public async Task Reading_a_state_never_written_returns_null()
    {
        Assert.Null(await fixture.Storage.ReadAsync(NewGrain(), "s", None));
    }

    [Fact]
    public async Task Second_writer_with_a_stale_etag_gets_InconsistentStateException()
    {
        var grain = NewGrain();
        var first = await fixture.Storage.WriteAsync(grain, "s", Json("1"), null, None);
        await fixture.Storage.WriteAsync(grain, "s", Json("2"), first, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteAsync(grain, "s", Json("3"), first, None));

        Assert.Equal("2", Text(await fixture.Storage.ReadAsync(grain, "s", None)));
    }

    [Fact]
    public async Task Two_writers_racing_from_the_same_etag_one_wins()
    {
        var grain = NewGrain();
        var etag = await fixture.Storage.WriteAsync(grain, "s", Json("0"), null, None);

        var racers = await Task.WhenAll(Enumerable.Range(1, 8).Select(async i =>
        {
            try
            {
                await fixture.Storage.WriteAsync(grain, "s", Json(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), etag, None);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Single(racers, won => won);
    }

    [Fact]
    public async Task First_write_conflicts_when_a_row_already_exists()
    {
        var grain = NewGrain();
        await fixture.Storage.WriteAsync(grain, "s", Json("1"), null, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteAsync(grain, "s", Json("2"), null, None));
    }

    [Fact]
    public async Task Clear_keeps_counting_versions_so_a_writer_from_before_the_clear_conflicts()
    {
        var grain = NewGrain();
        var written = await fixture.Storage.WriteAsync(grain, "s", Json("1"), null, None);
        var cleared = await fixture.Storage.ClearAsync(grain, "s", written, None);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.WriteAsync(grain, "s", Json("2"), written, None));
        var record = await fixture.Storage.ReadAsync(grain, "s", None);
        Assert.Null(record!.Payload);
        Assert.Equal(cleared, record.Etag);
        await fixture.Storage.WriteAsync(grain, "s", Json("3"), cleared, None);
    }

    [Fact]
    public async Task Concurrent_writes_to_many_rows_all_succeed_each_with_its_own_version()
    {
        var grains = Enumerable.Range(0, 500).Select(_ => NewGrain()).ToArray();
        var firsts = await Task.WhenAll(grains.Select(g => fixture.Storage.WriteAsync(g, "s", Json("1"), null, None)));

        var seconds = await Task.WhenAll(grains.Select((g, i) => fixture.Storage.WriteAsync(g, "s", Json("2"), firsts[i], None)));

        Assert.All(firsts, etag => Assert.Equal("1", etag));
        Assert.All(seconds, etag => Assert.Equal("2", etag));
    }

    [Fact]
    public async Task Writes_to_one_row_in_one_burst_are_checked_one_after_another()
    {
        var grain = NewGrain();
        var etag = await fixture.Storage.WriteAsync(grain, "s", Json("0"), null, None);

        // Same row, same expected etag: a single statement cannot hold both, so they go in turn and one conflicts.
        var first = fixture.Storage.WriteAsync(grain, "s", Json("1"), etag, None);
        var second = fixture.Storage.WriteAsync(grain, "s", Json("2"), etag, None);
        var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

        Assert.Equal(["conflict", "ok"], outcomes.Order());
    }

    [Fact]
    public async Task States_of_one_grain_are_stored_apart_by_name()
    {
        var grain = NewGrain();
        await fixture.Storage.WriteAsync(grain, "a", Json("1"), null, None);
        await fixture.Storage.WriteAsync(grain, "b", Json("2"), null, None);

        Assert.Equal("1", Text(await fixture.Storage.ReadAsync(grain, "a", None)));
        Assert.Equal("2", Text(await fixture.Storage.ReadAsync(grain, "b", None)));
    }

    private static async Task<string> Outcome(Task<string> write)
    {
        try
        {
            await write;
            return "ok";
        }
        catch (InconsistentStateException)
        {
            return "conflict";
        }
    }

    private static GrainId NewGrain() => new("storage-test", Guid.NewGuid().ToString("N"));

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    private static string? Text(Platform.Actors.Persistence.GrainStateRecord? record) =>
        record?.Payload is { } payload ? Encoding.UTF8.GetString(payload) : null;
}
