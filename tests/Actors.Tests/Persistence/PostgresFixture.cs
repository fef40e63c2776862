using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Persistence;
using Platform.Actors.Testing;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

/// <summary>One migrated database for every test of <see cref="PostgresCollection"/>; tests keep apart by using fresh grain ids.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private NpgsqlDataSource? _dataSource;
    private PostgresGrainStorage? _storage;

    public TestDatabase Database => _database ?? throw NotStarted();

    public NpgsqlDataSource DataSource => _dataSource ?? throw NotStarted();

    public PostgresGrainStorage Storage => _storage ?? throw NotStarted();

    public static GrainId NewGrainId(string type = "test") => new(type, Guid.NewGuid().ToString("N"));

    public PostgresGrainStorage CreateStorage(GrainStorageOptions options) =>
        new(DataSource, Options.Create(options), NullLogger<PostgresGrainStorage>.Instance);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _dataSource = _database.CreateDataSource();
        _storage = CreateStorage(new GrainStorageOptions());
    }

    public async Task DisposeAsync()
    {
        if (_storage is not null) await _storage.DisposeAsync();
        if (_dataSource is not null) await _dataSource.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private static InvalidOperationException NotStarted() => new("The PostgreSQL fixture has not been initialised.");
}
