using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Persistence;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class GrainStorageBatchingTests(PostgresFixture fixture)
{
    private const string StateName = "state";

    [Fact]
    public async Task Batched_concurrent_writes_to_500_distinct_rows_all_succeed_with_their_own_versions()
    {
        await using var storage = fixture.CreateStorage(new GrainStorageOptions());
        var grains = Enumerable.Range(0, 500).Select(_ => PostgresFixture.NewGrainId("batched")).ToArray();

        var created = await Task.WhenAll(grains.Select((grain, i) => storage.WriteAsync(grain, StateName, Json($"{{\"n\":{i}}}"), null, default)));
        var updated = await Task.WhenAll(grains.Select((grain, i) => storage.WriteAsync(grain, StateName, Json($"{{\"n\":{i + 1000}}}"), created[i], default)));

        Assert.All(created, etag => Assert.Equal("1", etag));
        Assert.All(updated, etag => Assert.Equal("2", etag));
        Assert.True(storage.WriteStatistics.Statements < 1000, $"1000 concurrent writes took {storage.WriteStatistics.Statements} statements; they were not batched.");
        for (var i = 0; i < grains.Length; i++)
        {
            var record = await storage.ReadAsync(grains[i], StateName, default);
            Assert.Equal(($"{{\"n\": {i + 1000}}}", "2"), (Encoding.UTF8.GetString(record!.Payload!), record.Etag));
        }
    }

    [Fact]
    public async Task Two_writes_to_the_same_row_in_one_burst_are_applied_in_order()
    {
        await using var storage = fixture.CreateStorage(new GrainStorageOptions { WriterCount = 1 });
        var grains = Enumerable.Range(0, 50).Select(_ => PostgresFixture.NewGrainId("burst")).ToArray();

        // Each grain's writes are issued back to back without waiting, each expecting the one before it.
        var writes = grains.SelectMany(grain => new[]
        {
            storage.WriteAsync(grain, StateName, Json("1"), null, default),
            storage.WriteAsync(grain, StateName, Json("2"), "1", default),
            storage.WriteAsync(grain, StateName, Json("3"), "2", default),
        }).ToArray();
        var etags = await Task.WhenAll(writes);

        Assert.Equal(Enumerable.Range(0, 50).SelectMany(_ => new[] { "1", "2", "3" }), etags);
        foreach (var grain in grains)
        {
            var record = await storage.ReadAsync(grain, StateName, default);
            Assert.Equal(("3", "3"), (Encoding.UTF8.GetString(record!.Payload!), record.Etag));
        }
    }

    [Fact]
    public async Task A_conflict_in_a_batch_fails_only_its_own_write()
    {
        await using var storage = fixture.CreateStorage(new GrainStorageOptions { WriterCount = 1 });
        var grains = Enumerable.Range(0, 100).Select(_ => PostgresFixture.NewGrainId("mixed")).ToArray();
        await Task.WhenAll(grains.Select(grain => storage.WriteAsync(grain, StateName, Json("0"), null, default)));

        // Every tenth write carries a stale etag.
        var writes = grains.Select((grain, i) => storage.WriteAsync(grain, StateName, Json("1"), i % 10 == 0 ? null : "1", default)).ToArray();
        await Task.WhenAll(writes.Select(write => write.ContinueWith(_ => { }, TaskScheduler.Default)));

        for (var i = 0; i < writes.Length; i++)
        {
            if (i % 10 == 0) Assert.IsType<InconsistentStateException>(writes[i].Exception?.InnerException);
            else Assert.Equal("2", await writes[i]);
        }
    }

    [Fact]
    public async Task A_payload_the_database_refuses_fails_only_its_own_write()
    {
        await using var storage = fixture.CreateStorage(new GrainStorageOptions { WriterCount = 1 });
        var grains = Enumerable.Range(0, 20).Select(_ => PostgresFixture.NewGrainId("refused")).ToArray();

        var writes = grains.Select((grain, i) => storage.WriteAsync(grain, StateName, Json(i == 7 ? "{not json" : "{}"), null, default)).ToArray();
        await Task.WhenAll(writes.Select(write => write.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.IsType<PostgresException>(writes[7].Exception?.InnerException);
        Assert.All(writes.Where((_, i) => i != 7), write => Assert.Equal("1", write.Result));
    }

    [Fact]
    public async Task Dispose_sends_the_queued_writes_then_refuses_new_ones()
    {
        var storage = fixture.CreateStorage(new GrainStorageOptions());
        var writes = Enumerable.Range(0, 200).Select(_ => storage.WriteAsync(PostgresFixture.NewGrainId("drained"), StateName, Json("1"), null, default)).ToArray();

        await storage.DisposeAsync();

        Assert.All(writes, write => Assert.Equal("1", write.Result));
        await Assert.ThrowsAsync<ObjectDisposedException>(
            () => storage.WriteAsync(PostgresFixture.NewGrainId("drained"), StateName, Json("1"), null, default));
    }

    [Fact]
    public async Task A_write_cancelled_before_it_is_queued_is_not_sent()
    {
        var grain = PostgresFixture.NewGrainId();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => fixture.Storage.WriteAsync(grain, StateName, Json("1"), null, new CancellationToken(canceled: true)));

        Assert.Null(await fixture.Storage.ReadAsync(grain, StateName, default));
    }

    [Fact]
    public async Task A_writer_loop_whose_connection_died_opens_a_new_one()
    {
        // A data source of its own, so that only this storage's connection is ended.
        var connectionString = new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString) { ApplicationName = "dying-writer" }.ConnectionString;
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var storage = new PostgresGrainStorage(dataSource, Options.Create(new GrainStorageOptions { WriterCount = 1 }), NullLogger<PostgresGrainStorage>.Instance);
        var grain = PostgresFixture.NewGrainId();
        var etag = await storage.WriteAsync(grain, StateName, Json("1"), null, default);

        await using (var kill = fixture.DataSource.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dying-writer'"))
        {
            await kill.ExecuteNonQueryAsync();
        }

        try
        {
            etag = await storage.WriteAsync(grain, StateName, Json("2"), etag, default);
        }
        catch (NpgsqlException)
        {
            // The write that finds the connection dead fails; the caller retries as after any database error.
        }

        var next = await storage.WriteAsync(grain, StateName, Json("3"), etag, default);
        Assert.Equal(int.Parse(etag, CultureInfo.InvariantCulture) + 1, int.Parse(next, CultureInfo.InvariantCulture));
    }

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);
}
