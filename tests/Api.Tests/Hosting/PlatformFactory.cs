using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Api.Tests.Hosting;

/// <summary>The silo host as <c>Program</c> builds it, with a fixture's settings on top of appsettings.json.</summary>
internal sealed class PlatformFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> configureServices)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(configureServices);
    }
}
