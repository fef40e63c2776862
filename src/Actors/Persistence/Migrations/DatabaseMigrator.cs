using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Actors.Persistence.Migrations;

/// <summary>
/// Brings the database up to the scripts in <c>sql/</c>: each missing script in its own transaction,
/// recorded with its checksum, under an advisory lock so processes starting together take turns. It
/// refuses a database whose applied scripts differ from ours, or that is newer than this build.
/// </summary>
public sealed partial class DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
{
    // Any fixed number, the same in every process: "Platform" in ASCII.
    private const long LockKey = 0x506c6174666f726d;

    public async Task MigrateAsync(CancellationToken cancellationToken = default) =>
        await MigrateAsync(MigrationScript.Embedded, cancellationToken);

    public async Task MigrateAsync(IReadOnlyList<MigrationScript> scripts, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"select pg_advisory_lock({LockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, """
                create table if not exists schema_migrations (
                    version    integer primary key,
                    name       text        not null,
                    checksum   text        not null,
                    applied_at timestamptz not null default now())
                """, cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            Verify(scripts, applied);
            foreach (var script in scripts.Where(s => !applied.ContainsKey(s.Version)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, script.Sql, cancellationToken);
                await using var record = new NpgsqlCommand("insert into schema_migrations (version, name, checksum) values ($1, $2, $3)", connection)
                {
                    Parameters = { new() { Value = script.Version }, new() { Value = script.Name }, new() { Value = script.Checksum } },
                };
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(script.Version, script.Name);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"select pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    /// <summary>Creates the database a connection string names, when it does not exist yet (connecting to <c>postgres</c> to do so).</summary>
    public static async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = database } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;
        try
        {
            await ExecuteAsync(connection, $"create database {QuoteIdentifier(database)}", cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another process created it first: that is all we wanted.
        }
    }

    internal static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Verify(IReadOnlyList<MigrationScript> scripts, Dictionary<int, (string Name, string Checksum)> applied)
    {
        var known = scripts.ToDictionary(s => s.Version);
        foreach (var (version, (name, checksum)) in applied.OrderBy(a => a.Key))
        {
            if (!known.TryGetValue(version, out var script))
            {
                throw new InvalidOperationException(
                    $"The database has migration {version:0000}_{name}, which this build does not know: it was migrated by a newer build.");
            }

            if (script.Checksum != checksum)
            {
                throw new InvalidOperationException(
                    $"Migration {version:0000}_{name} was changed after it was applied (checksum {checksum} in the database, " +
                    $"{script.Checksum} now). Applied scripts must not change: add a new script instead.");
            }
        }
    }

    private static async Task<Dictionary<int, (string Name, string Checksum)>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select version, name, checksum from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new Dictionary<int, (string, string)>();
        while (await reader.ReadAsync(cancellationToken)) applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Applied migration {Version:0000}_{Name}")]
    private partial void LogApplied(int version, string name);
}
