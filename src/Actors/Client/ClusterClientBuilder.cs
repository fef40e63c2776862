using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Actors.Client;

/// <summary>
/// Configures a cluster client: the assemblies of the grain classes it calls. The client runs none of
/// them; it needs them to turn a grain interface into its grain type, as a silo does.
/// </summary>
public sealed class ClusterClientBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    internal List<Assembly> GrainAssemblies { get; } = [];

    public ClusterClientBuilder AddGrains(params Assembly[] assemblies)
    {
        GrainAssemblies.AddRange(assemblies);
        return this;
    }
}
