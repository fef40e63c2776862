using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Actors.Persistence.Migrations;

namespace Platform.Actors.Testing;

/// <summary>
/// A database of its own for one test fixture, migrated, on the server named by <c>PLATFORM_TEST_DB</c>;
/// dropped on dispose. Isolation by name, not by cleaning up between tests.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PLATFORM_TEST_DB";
    public const string DefaultServer = "Host=localhost;Port=5432;Username=platform;Password=platform;Database=postgres";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured ? configured : DefaultServer;
        var name = $"platform_test_{Guid.NewGuid().ToString("N")[..8]}";
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            await DatabaseMigrator.CreateDatabaseIfMissingAsync(connectionString);
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException)
        {
            throw new InvalidOperationException(
                $"Cannot create a test database on {new NpgsqlConnectionStringBuilder(server) { Password = null }}: {exception.Message} " +
                $"Run ./scripts/ensure-postgres.sh, or set {ServerVariable} to a server where the role can create databases.",
                exception);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return new TestDatabase(name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {DatabaseMigrator.QuoteIdentifier(Name)} with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
