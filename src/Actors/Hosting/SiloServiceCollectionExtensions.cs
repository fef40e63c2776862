using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Platform.Actors.Membership;
using Platform.Actors.Observers;
using Platform.Actors.Reminders;
using Platform.Actors.Runtime;

namespace Platform.Actors.Hosting;

public static class SiloServiceCollectionExtensions
{
    /// <summary>Runs a silo in this host: grains from the assemblies given to <paramref name="configure"/>, and an <see cref="IGrainFactory"/>.</summary>
    public static IServiceCollection AddSilo(this IServiceCollection services, Action<SiloBuilder> configure)
    {
        var builder = new SiloBuilder(services);
        configure(builder);

        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<GrainCollectionOptions>().BindConfiguration(GrainCollectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SiloOptions>().BindConfiguration(SiloOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MembershipOptions>().BindConfiguration(MembershipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ClusterOptions>().BindConfiguration(ClusterOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReminderOptions>().BindConfiguration(ReminderOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new GrainTypeManifest(builder.GrainAssemblies.Concat(
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiloOptions>>().Value.GrainAssemblies.Select(System.Reflection.Assembly.LoadFrom))));
        services.AddSingleton<Catalog>();
        services.AddSingleton(sp => new ObserverRegistry(sp.GetRequiredService<Catalog>().OnUnhandledException));
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<GrainReferenceRuntime>(provider => provider.GetRequiredService<SiloRuntime>());
        services.AddSingleton<IGrainFactory, GrainFactory>();
        services.AddSingleton<ReminderService>();
        services.AddSingleton<SiloLifecycle>();
        services.AddSingleton<SiloHostedService>();
        services.AddHostedService(provider => provider.GetRequiredService<SiloHostedService>());
        services.AddLogging();
        return services;
    }
}
