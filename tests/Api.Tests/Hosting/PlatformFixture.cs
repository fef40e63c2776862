using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Testing;
using Platform.Api.Tests.Hub;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// The real host on real Kestrel, on a loopback port of its own, against a fresh database: one per xunit
/// collection. Derived fixtures change settings or services; tests keep apart by using fresh users and cafés.
/// </summary>
public abstract class PlatformFixture : IAsyncLifetime
{
    private PlatformFactory? _factory;
    private TestDatabase? _database;
    private HttpClient? _http;

    /// <summary>The key access tokens are signed with (base64 of it is <c>Platform:Auth:SigningKey</c>).</summary>
    public byte[] SigningKey { get; } = RandomNumberGenerator.GetBytes(32);

    public TestDatabase Database => _database ?? throw NotStarted();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Http => _http ?? throw NotStarted();

    public IServiceProvider Services => (_factory ?? throw NotStarted()).Services;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Postgres:ConnectionString"] = _database.ConnectionString,
            ["Platform:Silo:Port"] = TestCluster.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform:Auth:SigningKey"] = Convert.ToBase64String(SigningKey),
            ["Platform:PasswordHasher:IterationCount"] = "1000",
            ["Platform:Api:AuthRequestsPerMinutePerAddress"] = "1000000",
            ["Platform:Api:AuthRequestsPerMinutePerUser"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        Configure(settings);

        _factory = new PlatformFactory(settings, ConfigureServices);
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
        _http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    /// <summary>Connects a hub client with <paramref name="accessToken"/> (none when null).</summary>
    public Task<HubTestClient> ConnectHubAsync(string? accessToken) => HubTestClient.ConnectAsync(BaseAddress, accessToken);

    /// <summary>Settings on top of the shared ones, as configuration keys (<c>Platform:Api:...</c>).</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Services registered after the host's own, so they replace them (a clock, say).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    private static InvalidOperationException NotStarted() => new("The API fixture has not been started.");
}
