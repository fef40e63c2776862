using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Actors.Testing;

/// <summary>What a <see cref="TestCluster"/> runs: grain assemblies, a database, settings and extra services.</summary>
public sealed class TestClusterOptions
{
    public List<Assembly> GrainAssemblies { get; } = [];

    /// <summary>The database the silos share; null runs them without persistence.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Configuration keys as in appsettings, e.g. <c>Platform:Messaging:ResponseTimeout</c>.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Services added to every silo, after the runtime's own (so they may replace them, e.g. a <see cref="TimeProvider"/>).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
}
