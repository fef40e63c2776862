using Npgsql;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Testing;

namespace Platform.Actors.Tests.Persistence;

public sealed class MigratorTests
{
    [Fact]
    public async Task Migrators_started_together_apply_each_script_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        var scripts = MigrationScript.Embedded.Append(new MigrationScript(9001, "counted", "create table migration_runs (id int); insert into migration_runs values (1);")).ToArray();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Migrator(dataSource).MigrateAsync(scripts)));

        await using var count = dataSource.CreateCommand("select count(*) from migration_runs");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrator_refuses_a_script_changed_after_it_was_applied()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var tamper = dataSource.CreateCommand("update schema_migrations set checksum = 'changed' where version = 1"))
        {
            await tamper.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(dataSource).MigrateAsync());

        Assert.Contains("0001_grain_state was changed after it was applied", error.Message);
    }

    [Fact]
    public async Task Migrator_refuses_a_database_migrated_by_a_newer_build()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using (var future = dataSource.CreateCommand("insert into schema_migrations (version, name, checksum) values (9999, 'future', 'x')"))
        {
            await future.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Migrator(dataSource).MigrateAsync());

        Assert.Contains("9999_future", error.Message);
    }

    [Fact]
    public void Embedded_scripts_are_numbered_from_one_without_gaps()
    {
        Assert.Equal(Enumerable.Range(1, MigrationScript.Embedded.Count), MigrationScript.Embedded.Select(s => s.Version));
    }

    private static DatabaseMigrator Migrator(NpgsqlDataSource dataSource) =>
        new(dataSource, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);
}
