using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Platform.Actors.Persistence;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Grain state writes through <see cref="PostgresGrainStorage"/> (etag-checked, batched) against the
/// plainest alternative: one unchecked upsert command per write, from the same data source. Each writer
/// writes its own row again and again, carrying its etag, as an active grain does.
/// Needs PostgreSQL: ./scripts/ensure-postgres.sh (or PLATFORM_TEST_DB).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortRunConfig))]
public class StorageWriteBenchmarks
{
    private const int WritesPerInvocation = 1024;
    private const string StateName = "bench";

    private const string PlainUpsertSql = """
        INSERT INTO grain_state (grain_type, grain_key, state_name, payload, version)
        VALUES ($1, $2, $3, $4, 1)
        ON CONFLICT (grain_type, grain_key, state_name) DO UPDATE
        SET payload = excluded.payload, version = grain_state.version + 1, modified_at = now()
        """;

    // About the size of a small grain state: a user's profile with a few fields.
    private static readonly byte[] Payload = """
        {"userId":"5f1c2a7e","displayName":"Ada Lovelace","badges":["tipper","early-bird","chatty"],"interests":["math","poetry","engines"],"score":1843,"lastSeen":"2026-11-21T09:00:00Z"}
        """u8.ToArray();

    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;
    private PostgresGrainStorage? _storage;
    private GrainId[] _grains = [];
    private string?[] _etags = [];

    [Params(1, 16, 256)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = WritesPerInvocation)]
    public Task PlainUpsert() => RunWritersAsync(async writer =>
    {
        await using var command = _dataSource!.CreateCommand(PlainUpsertSql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "plain" });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _grains[writer].Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = Payload });
        await command.ExecuteNonQueryAsync();
    });

    [Benchmark(OperationsPerInvoke = WritesPerInvocation)]
    public Task GrainStorageWrite() => RunWritersAsync(async writer =>
        _etags[writer] = await _storage!.WriteAsync(_grains[writer], StateName, Payload, _etags[writer], default));

    private Task RunWritersAsync(Func<int, Task> write)
    {
        var writesEach = WritesPerInvocation / Writers;
        return Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < writesEach; i++) await write(writer);
        })));
    }

    private async Task SetupAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Below the server's max_connections (100 by default), which 256 writers with a pool each would exceed.
        var connectionString = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 64 }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _storage = new PostgresGrainStorage(_dataSource, Options.Create(new GrainStorageOptions()), NullLogger<PostgresGrainStorage>.Instance);
        _grains = [.. Enumerable.Range(0, Writers).Select(writer => new GrainId("bench", $"writer-{writer}"))];
        _etags = new string?[Writers];

        // Both paths start from existing rows, so every measured write is an update.
        for (var writer = 0; writer < Writers; writer++)
        {
            _etags[writer] = await _storage.WriteAsync(_grains[writer], StateName, Payload, null, default);
        }

        await RunWritersAsync(async writer =>
        {
            await using var command = _dataSource.CreateCommand(PlainUpsertSql);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "plain" });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _grains[writer].Key });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StateName });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb, Value = Payload });
            await command.ExecuteNonQueryAsync();
        });
    }

    private async Task CleanupAsync()
    {
        if (_storage is not null) await _storage.DisposeAsync();
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}
