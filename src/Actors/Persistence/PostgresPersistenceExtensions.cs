using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Directory;
using Platform.Actors.Membership;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Reminders;

namespace Platform.Actors.Persistence;

public static class PostgresPersistenceExtensions
{
    private const int AutoPreparedStatements = 32;

    /// <summary>
    /// Grain state, reminders, cluster membership, the grain directory and the schema migrator on PostgreSQL, configured from <c>Platform:Postgres</c>
    /// and <c>Platform:GrainStorage</c>; bad settings stop the host at start-up with the setting's name.
    /// </summary>
    public static IServiceCollection AddPostgresPersistence(this IServiceCollection services)
    {
        services.AddOptions<PostgresOptions>().BindConfiguration(PostgresOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrainStorageOptions>().BindConfiguration(GrainStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(provider => BuildDataSource(provider, (connection, options) =>
        {
            if (!ConnectionStringNames(options.ConnectionString, "MaximumPoolSize", "MaxPoolSize")) connection.MaxPoolSize = options.MaxPoolSize;

            // Grains run a few statements again and again (directory lookups, state reads): prepared, 10,000 lookups
            // took 2.3-2.6 s instead of 5.2-5.9 s. A connection string that names it wins (0 behind a pooler that
            // hands each transaction another server connection).
            if (!ConnectionStringNames(options.ConnectionString, "MaxAutoPrepare")) connection.MaxAutoPrepare = AutoPreparedStatements;
        }));

        // Membership has connections of its own: a burst of activations can queue thousands of directory writes for
        // the shared pool, and a heartbeat queued behind them for longer than the death timeout got its silo declared
        // dead while it was busy, not gone.
        services.TryAddKeyedSingleton(PostgresMembershipTable.DataSourceKey, (provider, _) => BuildDataSource(provider, (connection, _) =>
        {
            connection.MaxPoolSize = PostgresMembershipTable.MaxPoolSize;
            connection.MinPoolSize = 0;
        }));
        services.TryAddSingleton<PostgresGrainStorage>();
        services.TryAddSingleton<IGrainStorage>(provider => provider.GetRequiredService<PostgresGrainStorage>());
        services.TryAddSingleton<IPersistentStateFactory, PersistentStateFactory>();
        services.TryAddSingleton<IReminderTable, PostgresReminderTable>();
        services.TryAddSingleton<DatabaseMigrator>();
        services.TryAddSingleton<IMembershipTable, PostgresMembershipTable>();
        services.TryAddSingleton<MembershipAgent>();
        services.TryAddSingleton<IGrainDirectory, PostgresGrainDirectory>();
        return services;
    }

    private static NpgsqlDataSource BuildDataSource(IServiceProvider provider, Action<NpgsqlConnectionStringBuilder, PostgresOptions> configure)
    {
        var options = provider.GetRequiredService<IOptions<PostgresOptions>>().Value;
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        configure(builder.ConnectionStringBuilder, options);
        if (provider.GetService<ILoggerFactory>() is { } loggerFactory) builder.UseLoggerFactory(loggerFactory);
        return builder.Build();
    }

    // The generic builder keeps only the keys the string names (Npgsql's lists every key it knows).
    private static bool ConnectionStringNames(string connectionString, params string[] keys) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .Any(key => keys.Contains(key, StringComparer.OrdinalIgnoreCase));
}
