using System.Text;
using Platform.Actors.Persistence;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageTests(PostgresFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task Write_then_read_round_trips_the_payload_and_etag()
    {
        var grain = PostgresFixture.NewGrainId();

        var etag = await fixture.Storage.WriteAsync(grain, StateName, Json("""{"count":1}"""), null, default);
        var record = await fixture.Storage.ReadAsync(grain, StateName, default);

        Assert.Equal("1", etag);
        Assert.NotNull(record);
        Assert.Equal("""{"count": 1}""", Encoding.UTF8.GetString(record.Payload!));
        Assert.Equal(etag, record.Etag);
    }

    [Fact]
    public async Task Read_of_a_state_never_written_returns_null()
    {
        Assert.Null(await fixture.Storage.ReadAsync(PostgresFixture.NewGrainId(), StateName, default));
    }

    [Fact]
    public async Task Each_write_bumps_the_version()
    {
        var grain = PostgresFixture.NewGrainId();

        var first = await fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, default);
        var second = await fixture.Storage.WriteAsync(grain, StateName, Json("2"), first, default);
        var third = await fixture.Storage.WriteAsync(grain, StateName, Json("3"), second, default);

        Assert.Equal(["1", "2", "3"], [first, second, third]);
    }

    [Fact]
    public async Task Second_writer_with_stale_etag_gets_InconsistentStateException()
    {
        var grain = PostgresFixture.NewGrainId();
        var read = await fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, default);
        await fixture.Storage.WriteAsync(grain, StateName, Json("2"), read, default);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteAsync(grain, StateName, Json("3"), read, default));

        Assert.Equal("2", conflict.StoredEtag);
        Assert.Equal("1", conflict.CurrentEtag);
        Assert.Contains(grain.ToString(), conflict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_writers_racing_from_the_same_etag_one_wins()
    {
        var grain = PostgresFixture.NewGrainId();
        var etag = await fixture.Storage.WriteAsync(grain, StateName, Json("0"), null, default);
        // Separate storages have separate writer loops, so the two writes race in the database itself.
        await using var other = fixture.CreateStorage(new());

        var outcomes = await Task.WhenAll(
            Outcome(fixture.Storage.WriteAsync(grain, StateName, Json("\"a\""), etag, default)),
            Outcome(other.WriteAsync(grain, StateName, Json("\"b\""), etag, default)));

        Assert.Single(outcomes, outcome => outcome == "2");
        Assert.Single(outcomes, outcome => outcome == nameof(InconsistentStateException));
    }

    [Fact]
    public async Task First_write_with_a_null_etag_conflicts_when_a_row_exists()
    {
        var grain = PostgresFixture.NewGrainId();
        await fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, default);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteAsync(grain, StateName, Json("2"), null, default));

        Assert.Equal("1", conflict.StoredEtag);
        Assert.Null(conflict.CurrentEtag);
    }

    [Fact]
    public async Task Write_with_an_etag_conflicts_when_no_row_exists()
    {
        var grain = PostgresFixture.NewGrainId();

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteAsync(grain, StateName, Json("1"), "4", default));

        Assert.Null(conflict.StoredEtag);
        Assert.Null(await fixture.Storage.ReadAsync(grain, StateName, default));
    }

    [Fact]
    public async Task Clear_keeps_the_version_counting_and_reads_back_a_null_payload()
    {
        var grain = PostgresFixture.NewGrainId();
        var written = await fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, default);

        var cleared = await fixture.Storage.ClearAsync(grain, StateName, written, default);
        var record = await fixture.Storage.ReadAsync(grain, StateName, default);

        Assert.Equal("2", cleared);
        Assert.Equal(new GrainStateRecord(null, "2"), record);
    }

    [Fact]
    public async Task Clear_then_write_with_the_pre_clear_etag_conflicts()
    {
        var grain = PostgresFixture.NewGrainId();
        var beforeClear = await fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, default);
        await fixture.Storage.ClearAsync(grain, StateName, beforeClear, default);

        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => fixture.Storage.WriteAsync(grain, StateName, Json("2"), beforeClear, default));

        Assert.Equal("2", conflict.StoredEtag);
    }

    [Fact]
    public async Task Clear_with_a_stale_etag_conflicts()
    {
        var grain = PostgresFixture.NewGrainId();
        var first = await fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, default);
        await fixture.Storage.WriteAsync(grain, StateName, Json("2"), first, default);

        await Assert.ThrowsAsync<InconsistentStateException>(() => fixture.Storage.ClearAsync(grain, StateName, first, default));
    }

    [Fact]
    public async Task States_of_one_grain_are_kept_apart_by_name()
    {
        var grain = PostgresFixture.NewGrainId();

        await fixture.Storage.WriteAsync(grain, "profile", Json("\"p\""), null, default);
        await fixture.Storage.WriteAsync(grain, "settings", Json("\"s\""), null, default);

        Assert.Equal("\"p\"", Encoding.UTF8.GetString((await fixture.Storage.ReadAsync(grain, "profile", default))!.Payload!));
        Assert.Equal("\"s\"", Encoding.UTF8.GetString((await fixture.Storage.ReadAsync(grain, "settings", default))!.Payload!));
    }

    [Fact]
    public async Task An_etag_this_storage_did_not_issue_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(
            () => fixture.Storage.WriteAsync(PostgresFixture.NewGrainId(), StateName, Json("1"), "W/\"abc\"", default));
    }

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    private static async Task<string> Outcome(Task<string> write)
    {
        try
        {
            return await write;
        }
        catch (InconsistentStateException)
        {
            return nameof(InconsistentStateException);
        }
    }
}
