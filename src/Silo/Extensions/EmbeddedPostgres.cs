using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Platform.Actors.Persistence.Migrations;

namespace Platform.Silo.Extensions;

/// <summary>
/// The embedded default: with no connection string configured, the silo uses a local PostgreSQL and,
/// when it does not answer, starts it with the project's own script (which installs it if missing).
/// </summary>
internal static class EmbeddedPostgres
{
    public const string ConnectionStringKey = "Platform:Postgres:ConnectionString";
    public const string DefaultConnectionString = "Host=localhost;Port=5432;Username=platform;Password=platform;Database=platform";

    /// <summary>
    /// Fills in the default connection string when none is configured and makes sure that server runs;
    /// then creates the database the connection string names, when missing. The silo migrates it at start.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IConfigurationManager configuration, string contentRoot)
    {
        if (string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]))
        {
            configuration[ConnectionStringKey] = await AnswersAsync(DefaultConnectionString)
                ? DefaultConnectionString
                : await StartLocalServerAsync(contentRoot);
        }

        await DatabaseMigrator.CreateDatabaseIfMissingAsync(configuration[ConnectionStringKey]!);
    }

    /// <summary>Runs the script, and returns the connection string it prints last (not root, it may use a server of its own on another port).</summary>
    private static async Task<string> StartLocalServerAsync(string contentRoot)
    {
        var script = FindScript(contentRoot) ?? throw new InvalidOperationException(
            $"No PostgreSQL answers at {Redacted(DefaultConnectionString)} and scripts/ensure-postgres.sh was not found. " +
            $"Start PostgreSQL, or set {ConnectionStringKey} (environment: Platform__Postgres__ConnectionString).");
        Console.WriteLine($"Starting the local PostgreSQL with {script} ...");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var connectionString = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (process.ExitCode != 0 || connectionString is null || !await AnswersAsync(connectionString))
        {
            throw new InvalidOperationException($"{script} could not start PostgreSQL (exit code {process.ExitCode}):\n{output}{await errors}");
        }

        return connectionString;
    }

    private static async Task<bool> AnswersAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            return true;
        }
        catch (Exception exception) when (exception is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }

    private static string? FindScript(string start)
    {
        foreach (var origin in new[] { start, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(origin); folder is not null; folder = folder.Parent)
            {
                var script = Path.Combine(folder.FullName, "scripts", "ensure-postgres.sh");
                if (File.Exists(script)) return script;
            }
        }

        return null;
    }

    private static string Redacted(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString;
}
