using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Actors.Persistence.Migrations;

/// <summary>
/// Brings the database schema up to the <c>sql/NNNN_name.sql</c> scripts embedded in Platform.Actors. Each
/// script runs once, in its own transaction, and is recorded in <c>schema_migrations</c> with its checksum.
/// The process refuses to start when a recorded script has changed since it ran, or when the database was
/// migrated by a newer build: both mean the code and the schema no longer describe the same thing.
/// </summary>
public sealed class DatabaseMigrator
{
    // Any fixed number works, as long as every process migrating the same database uses it ("platform" in ASCII).
    private const long MigrationLockKey = 0x706C6174666F726D;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<DatabaseMigrator> _logger;
    private readonly IReadOnlyList<MigrationScript> _scripts;

    public DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger)
        : this(dataSource, logger, EmbeddedMigrationScripts.Platform)
    {
    }

    internal DatabaseMigrator(NpgsqlDataSource dataSource, ILogger<DatabaseMigrator> logger, IReadOnlyList<MigrationScript> scripts)
    {
        _dataSource = dataSource;
        _logger = logger;
        _scripts = scripts;
    }

    /// <summary>Applies the scripts the database has not seen yet; safe to call from several processes at once.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

        // The lock belongs to this connection's session, so a second process waits here until the first
        // has applied everything, then finds nothing left to do.
        await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", MigrationLockKey, cancellationToken).ConfigureAwait(false);
        try
        {
            await MigrationJournal.CreateIfMissingAsync(connection, cancellationToken).ConfigureAwait(false);
            var applied = await MigrationJournal.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            MigrationJournal.RefuseDrift(_scripts, applied);

            var missing = _scripts.Where(script => !applied.ContainsKey(script.Version)).ToList();
            foreach (var script in missing)
            {
                await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false);
            }

            _logger.SchemaUpToDate(_scripts.Count, missing.Count);
        }
        finally
        {
            await UnlockAsync(connection).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Creates the database named in <paramref name="connectionString"/> when it does not exist, connecting
    /// to the server's <c>postgres</c> database with the same credentials. Returns whether it created it.
    /// </summary>
    public static Task<bool> CreateDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken = default) =>
        PostgresDatabases.CreateIfMissingAsync(connectionString, cancellationToken);

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        _logger.ApplyingScript(script.Name);
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var apply = new NpgsqlCommand(script.Sql, connection, transaction))
            {
                await apply.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await MigrationJournal.RecordAsync(connection, transaction, script, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw new DatabaseMigrationException($"Script sql/{script.Name} failed: {e.MessageText}", e);
        }

        _logger.AppliedScript(script.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task UnlockAsync(NpgsqlConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open) return; // a broken connection took its lock with it
        try
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", MigrationLockKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            // Returning the connection to the pool resets its session, which releases the lock as well.
            _logger.MigrationUnlockFailed(e);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, long argument, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = argument });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
