using Npgsql;

namespace Platform.Actors.Persistence;

/// <summary>Creating and dropping whole databases, through the server's <c>postgres</c> database with the same credentials.</summary>
internal static class PostgresDatabases
{
    public static async Task<bool> CreateIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var database = DatabaseName(connectionString);
        await using var connection = await OpenMaintenanceAsync(connectionString, cancellationToken).ConfigureAwait(false);

        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection))
        {
            exists.Parameters.Add(new NpgsqlParameter<string> { TypedValue = database });
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null) return false;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another process created it between our check and our CREATE.
            return false;
        }
    }

    /// <summary>Drops the database even while connections remain in it: they are ended.</summary>
    public static async Task DropAsync(string connectionString, CancellationToken cancellationToken)
    {
        var database = DatabaseName(connectionString);
        await using var connection = await OpenMaintenanceAsync(connectionString, cancellationToken).ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(database)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string DatabaseName(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database is { Length: > 0 } database
            ? database
            : throw new ArgumentException("The connection string names no database (Database=...).", nameof(connectionString));

    private static async Task<NpgsqlConnection> OpenMaintenanceAsync(string connectionString, CancellationToken cancellationToken)
    {
        // Unpooled: an idle pooled connection would outlive its use for nothing.
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
