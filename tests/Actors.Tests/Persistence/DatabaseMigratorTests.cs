using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Platform.Actors.Persistence;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Testing;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

/// <summary>Each test gets an empty database of its own, since migrating is what it tests.</summary>
public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Migrator_applies_every_embedded_script_in_order()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var dataSource = database.CreateDataSource();

        await Migrator(dataSource).MigrateAsync();

        var applied = await AppliedAsync(dataSource);
        Assert.Equal([(1, "0001_grain_state.sql"), (2, "0002_reminders.sql")], applied.Take(2));
        Assert.Equal(EmbeddedMigrationScripts.Platform.Select(script => (script.Version, script.Name)), applied);
    }

    [Fact]
    public async Task Migrator_applies_scripts_once_when_two_run_together()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var first = database.CreateDataSource();
        await using var second = database.CreateDataSource();

        await Task.WhenAll(Migrator(first).MigrateAsync(), Migrator(second).MigrateAsync());
        await Migrator(first).MigrateAsync();

        Assert.Equal(EmbeddedMigrationScripts.Platform.Select(script => (script.Version, script.Name)), await AppliedAsync(first));
    }

    [Fact]
    public async Task Migrator_refuses_a_changed_script()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var dataSource = database.CreateDataSource();
        await Migrator(dataSource).MigrateAsync();
        await ExecuteAsync(dataSource, "UPDATE schema_migrations SET checksum = 'edited' WHERE version = 2");

        var refusal = await Assert.ThrowsAsync<DatabaseMigrationException>(() => Migrator(dataSource).MigrateAsync());

        Assert.Contains("0002_reminders.sql", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("changed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrator_refuses_a_database_newer_than_its_scripts()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var dataSource = database.CreateDataSource();
        await Migrator(dataSource).MigrateAsync();
        await ExecuteAsync(dataSource, "INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_from_the_future.sql', 'x')");

        var refusal = await Assert.ThrowsAsync<DatabaseMigrationException>(() => Migrator(dataSource).MigrateAsync());

        Assert.Contains("9999_from_the_future.sql", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_script_is_named_and_leaves_nothing_behind()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var dataSource = database.CreateDataSource();
        IReadOnlyList<MigrationScript> scripts =
        [
            new(1, "0001_fine.sql", "CREATE TABLE fine (id int)"),
            new(2, "0002_broken.sql", "CREATE TABLE half_done (id int); SELECT no_such_column FROM fine"),
        ];

        var failure = await Assert.ThrowsAsync<DatabaseMigrationException>(
            () => new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance, scripts).MigrateAsync());

        Assert.Contains("0002_broken.sql", failure.Message, StringComparison.Ordinal);
        Assert.Equal([(1, "0001_fine.sql")], await AppliedAsync(dataSource));
        Assert.Null(await ScalarAsync(dataSource, "SELECT to_regclass('half_done')::text"));
    }

    [Fact]
    public async Task CreateDatabaseIfMissing_creates_once()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        var other = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = database.Name + "_x" }.ConnectionString;
        try
        {
            Assert.True(await DatabaseMigrator.CreateDatabaseIfMissingAsync(other));
            Assert.False(await DatabaseMigrator.CreateDatabaseIfMissingAsync(other));
        }
        finally
        {
            await PostgresDatabases.DropAsync(other, default);
        }
    }

    private static DatabaseMigrator Migrator(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<DatabaseMigrator>.Instance);

    private static async Task<List<(int Version, string Name)>> AppliedAsync(NpgsqlDataSource dataSource)
    {
        var applied = new List<(int, string)>();
        await using var command = dataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) applied.Add((reader.GetInt32(0), reader.GetString(1)));
        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }
}
