using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Actors.Persistence;
using Platform.Actors.Persistence.Migrations;

namespace Platform.Actors.Testing;

/// <summary>
/// A fresh, uniquely named database for one test fixture, dropped when disposed. The server comes from
/// the <c>PLATFORM_TEST_DB</c> environment variable (default: <see cref="DefaultServer"/>).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PLATFORM_TEST_DB";
    public const string DefaultServer = "Host=localhost;Port=5432;Username=platform;Password=platform;Database=postgres";

    private TestDatabase(string connectionString, string name)
    {
        ConnectionString = connectionString;
        Name = name;
    }

    public string ConnectionString { get; }

    public string Name { get; }

    /// <summary>Creates a database and applies the migrations to it.</summary>
    public static Task<TestDatabase> CreateAsync(CancellationToken cancellationToken = default) => CreateAsync(migrate: true, cancellationToken);

    /// <summary>Creates a database, migrated or left empty (for testing the migrator itself).</summary>
    public static async Task<TestDatabase> CreateAsync(bool migrate, CancellationToken cancellationToken = default)
    {
        var server = Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured ? configured : DefaultServer;
        var name = $"platform_test_{Guid.NewGuid():N}"[..22];
        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            await DatabaseMigrator.CreateDatabaseIfMissingAsync(connectionString, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            var role = new NpgsqlConnectionStringBuilder(server).Username;
            throw new InvalidOperationException(
                $"Cannot create a test database on the PostgreSQL server '{Describe(server)}': {e.Message.TrimEnd('.')}. " +
                $"To fix it, run ./scripts/ensure-postgres.sh, or set {ServerVariable} to a server where role '{role}' can create databases.", e);
        }

        var database = new TestDatabase(connectionString, name);
        if (migrate)
        {
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(cancellationToken).ConfigureAwait(false);
        }

        return database;
    }

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public async ValueTask DisposeAsync()
    {
        // Pooled connections still sit in the database; FORCE ends them, and clearing the pool stops Npgsql reusing them.
        using (var pooled = new NpgsqlConnection(ConnectionString)) NpgsqlConnection.ClearPool(pooled);
        await PostgresDatabases.DropAsync(ConnectionString, CancellationToken.None).ConfigureAwait(false);
    }

    private static bool IsUnreachable(Exception e) => e switch
    {
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.InvalidPassword
            or PostgresErrorCodes.InvalidAuthorizationSpecification
            or PostgresErrorCodes.InsufficientPrivilege
            or PostgresErrorCodes.InvalidCatalogName,
        NpgsqlException { InnerException: SocketException or TimeoutException } => true,
        SocketException or TimeoutException => true,
        _ => false,
    };

    private static string Describe(string server)
    {
        var builder = new NpgsqlConnectionStringBuilder(server);
        return $"Host={builder.Host};Port={builder.Port};Username={builder.Username}";
    }
}
