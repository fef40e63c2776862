using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Persistence;
using Platform.Actors.Reminders;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgresPersistenceExtensionsTests(PostgresFixture fixture)
{
    [Fact]
    public async Task AddPostgresPersistence_wires_storage_reminders_and_migrator_from_configuration()
    {
        await using var services = Services(new() { ["Platform:Postgres:ConnectionString"] = fixture.Database.ConnectionString });
        var grain = PostgresFixture.NewGrainId();

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        var state = services.GetRequiredService<IPersistentStateFactory>().Create<List<int>>(grain, "numbers");
        state.State.Add(42);
        await state.WriteStateAsync();

        Assert.NotNull(await services.GetRequiredService<IGrainStorage>().ReadAsync(grain, "numbers", default));
        Assert.Empty(await services.GetRequiredService<IReminderTable>().ReadAsync(grain, default));
    }

    [Fact]
    public async Task A_missing_connection_string_is_reported_by_its_setting_name()
    {
        await using var services = Services([]);

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PostgresOptions>>().Value);

        Assert.Contains("Platform:Postgres:ConnectionString", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_out_of_range_batch_size_is_reported_by_its_setting_name()
    {
        await using var services = Services(new() { ["Platform:GrainStorage:MaxBatchSize"] = "0" });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GrainStorageOptions>>().Value);

        Assert.Contains("Platform:GrainStorage:MaxBatchSize", failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .AddLogging()
            .AddPostgresPersistence()
            .BuildServiceProvider();
}
