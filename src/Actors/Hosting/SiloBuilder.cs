using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Actors.Hosting;

/// <summary>Configures a silo: which assemblies hold its grain classes.</summary>
public sealed class SiloBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    internal List<Assembly> GrainAssemblies { get; } = [];

    public SiloBuilder AddGrains(params Assembly[] assemblies)
    {
        GrainAssemblies.AddRange(assemblies);
        return this;
    }
}
