using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.Actors.Persistence;
using Platform.Actors.Testing;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Figure 3: <see cref="IGrainStorage.WriteAsync"/> (etag-checked, batched) against a plain Npgsql upsert of
/// the same JSON, one command per write, at the same concurrency. Each writer owns one row and writes it
/// again and again, as a grain would; 1,024 writes per invocation, spread over the writers. The plain
/// path may use up to 64 connections; the batched one uses its writer loops' (4 by default).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class StorageWriteBenchmarks
{
    private const int WritesPerInvocation = 1024;

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        """{"count":1234,"name":"CosmicOtter42","interests":["coffee","jazz","chess"],"updatedAt":"2026-11-21T12:00:00Z"}""");

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private IGrainStorage _storage = null!;
    private NpgsqlDataSource _plain = null!;
    private string?[] _etags = null!;

    [Params(1, 16, 256)]
    public int Writers { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Platform:Postgres:ConnectionString", _database.ConnectionString)])
            .Build();
        _services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddPostgresPersistence().BuildServiceProvider();
        _storage = _services.GetRequiredService<IGrainStorage>();
        // PostgreSQL allows 100 connections by default; a pool of 100 per writer set would be refused at 256 writers.
        _plain = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_database.ConnectionString) { MaxPoolSize = 64 }.ConnectionString);
        _etags = new string?[Writers];
    }

    [GlobalCleanup]
    public async Task TearDownAsync()
    {
        await _plain.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = WritesPerInvocation, Description = "plain Npgsql upsert")]
    public Task PlainUpsert() => RunWriters(async writer =>
    {
        await using var command = _plain.CreateCommand("""
            insert into grain_state (grain_type, grain_key, state_name, payload, version)
            values ('plain', $1, 'state', $2::jsonb, 1)
            on conflict (grain_type, grain_key, state_name) do update
                set payload = excluded.payload, version = grain_state.version + 1, modified_at = now()
            """);
        command.Parameters.Add(new() { Value = Key(writer) });
        command.Parameters.Add(new() { Value = Encoding.UTF8.GetString(Payload) });
        await command.ExecuteNonQueryAsync();
    });

    [Benchmark(OperationsPerInvoke = WritesPerInvocation, Description = "WriteStateAsync path (batched, etag-checked)")]
    public Task GrainStorageWrite() => RunWriters(async writer =>
        _etags[writer] = await _storage.WriteAsync(new GrainId("bench", Key(writer)), "state", Payload, _etags[writer], CancellationToken.None));

    private static string Key(int writer) => writer.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task RunWriters(Func<int, Task> write) =>
        Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < WritesPerInvocation / Writers; i++) await write(writer);
        })));
}
