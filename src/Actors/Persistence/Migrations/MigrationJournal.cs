using Npgsql;

namespace Platform.Actors.Persistence.Migrations;

/// <summary>The <c>schema_migrations</c> table: which scripts ran, and the checksum of the text that ran.</summary>
internal static class MigrationJournal
{
    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer     PRIMARY KEY,
            name       text        NOT NULL,
            checksum   text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """;

    public static async Task CreateIfMissingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CreateSql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<Dictionary<int, (string Name, string Checksum)>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, (string, string)>();
        await using var command = new NpgsqlCommand("SELECT version, name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = (reader.GetString(1), reader.GetString(2));
        }

        return applied;
    }

    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, MigrationScript script, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Checksum });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Throws when what the database ran differs from the scripts of this build.</summary>
    public static void RefuseDrift(IReadOnlyList<MigrationScript> scripts, Dictionary<int, (string Name, string Checksum)> applied)
    {
        var newestKnown = scripts.Count == 0 ? 0 : scripts[^1].Version;
        foreach (var (version, (name, checksum)) in applied.OrderBy(entry => entry.Key))
        {
            if (version > newestKnown)
            {
                throw new DatabaseMigrationException(
                    $"The database was migrated to version {version} ({name}), newer than any script this build knows (newest: {newestKnown}). " +
                    "Run a build that contains that script, or restore a database that matches this build.");
            }

            var script = scripts.FirstOrDefault(candidate => candidate.Version == version)
                ?? throw new DatabaseMigrationException(
                    $"The database has applied script {name} (version {version}), which this build does not contain. Restore sql/{name}.");

            if (!string.Equals(script.Checksum, checksum, StringComparison.OrdinalIgnoreCase))
            {
                throw new DatabaseMigrationException(
                    $"Script sql/{script.Name} changed after it was applied (recorded checksum {checksum}, now {script.Checksum}). " +
                    "Applied scripts must not be edited: restore its original text and put the change in a new numbered script.");
            }
        }
    }
}
