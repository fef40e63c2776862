using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Membership;
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
    public async Task Membership_does_not_wait_for_a_connection_while_grains_hold_them_all()
    {
        await using var services = Services(new()
        {
            ["Platform:Postgres:ConnectionString"] = fixture.Database.ConnectionString,
            ["Platform:Postgres:MaxPoolSize"] = "1",
        });
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync();

        // The grains' only connection is taken, as by a burst of activations queued behind it.
        await using var busy = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var table = services.GetRequiredService<IMembershipTable>();
        var silo = new SiloAddress("127.0.0.1", 11111, 1);
        var now = DateTimeOffset.UtcNow;

        Assert.True(await table.InsertAsync(new MembershipEntry(silo, SiloStatus.Active, now, now), deadline.Token));
        await table.UpdateIAmAliveAsync(silo, now.AddSeconds(1), deadline.Token);
        Assert.Contains(await table.ReadAllAsync(deadline.Token), entry => entry.Silo == silo);
    }

    [Theory]
    [InlineData("", 32)]
    [InlineData(";Max Auto Prepare=0", 0)]
    public async Task Grains_connections_prepare_their_statements_unless_the_connection_string_says_otherwise(string setting, int prepared)
    {
        await using var services = Services(new() { ["Platform:Postgres:ConnectionString"] = fixture.Database.ConnectionString + setting });

        var dataSource = services.GetRequiredService<NpgsqlDataSource>();

        Assert.Equal(prepared, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxAutoPrepare);
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
