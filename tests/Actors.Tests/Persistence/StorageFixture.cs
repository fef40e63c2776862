using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Persistence;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Reminders;
using Platform.Actors.Testing;

namespace Platform.Actors.Tests.Persistence;

/// <summary>A migrated database and the persistence services on it, without a silo.</summary>
public sealed class StorageFixture : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    public TestDatabase Database { get; private set; } = null!;

    public IGrainStorage Storage => _services.GetRequiredService<IGrainStorage>();

    public IReminderTable Reminders => _services.GetRequiredService<IReminderTable>();

    public IPersistentStateFactory States => _services.GetRequiredService<IPersistentStateFactory>();

    public DatabaseMigrator Migrator => _services.GetRequiredService<DatabaseMigrator>();

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Platform:Postgres:ConnectionString", Database.ConnectionString)])
            .Build();
        _services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddPostgresPersistence()
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
