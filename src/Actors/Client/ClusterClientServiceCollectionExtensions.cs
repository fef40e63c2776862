using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Platform.Actors.Hosting;
using Platform.Actors.Observers;
using Platform.Actors.Persistence;
using Platform.Actors.Runtime;

namespace Platform.Actors.Client;

public static class ClusterClientServiceCollectionExtensions
{
    /// <summary>
    /// Makes this process a cluster client (it runs no grains): an <see cref="IGrainFactory"/> whose calls go
    /// through a gateway silo found in the membership table (<c>Platform:Postgres</c>), and observers hosted here.
    /// </summary>
    public static IServiceCollection AddClusterClient(this IServiceCollection services, Action<ClusterClientBuilder> configure)
    {
        var builder = new ClusterClientBuilder(services);
        configure(builder);

        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterClientOptions>().BindConfiguration(ClusterClientOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPostgresPersistence();
        services.AddSingleton(new GrainTypeManifest(builder.GrainAssemblies));
        services.AddSingleton(provider =>
        {
            var logger = provider.GetRequiredService<ILogger<ObserverRegistry>>();
            return new ObserverRegistry(exception => logger.LogError(exception, "Unhandled exception in an observer"));
        });
        services.AddSingleton<ClusterClientRuntime>();
        services.AddSingleton<GrainReferenceRuntime>(provider => provider.GetRequiredService<ClusterClientRuntime>());
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddHostedService<ClusterClientHostedService>();
        services.AddLogging();
        return services;
    }
}
