using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Reminders;

namespace Platform.Actors.Persistence;

public static class PostgresPersistenceExtensions
{
    /// <summary>Grain state and reminders in PostgreSQL (<c>Platform:Postgres</c>), migrated when the silo starts.</summary>
    public static IServiceCollection AddPostgresPersistence(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrainStorageOptions>().BindConfiguration(GrainStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<PostgresOptions>>().Value.ConnectionString));
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<StateWriteBatcher>();
        services.AddSingleton<IGrainStorage, PostgresGrainStorage>();
        services.AddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        services.AddSingleton<IReminderTable, PostgresReminderTable>();
        return services;
    }
}
