using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Actors.Hosting;
using Platform.Actors.Persistence;
using Platform.Actors.Testing;
using Platform.Api.Apis;
using Platform.Api.Extensions;
using Platform.Grains;
using Platform.StripeFake;

namespace Platform.Payments.Tests;

/// <summary>
/// The API with its silo on a real Kestrel port over a fresh database, and the Stripe fake on another, each
/// pointed at the other: the fake's webhooks reach the API the way Stripe's would.
/// </summary>
public sealed class PaymentsFixture : IAsyncLifetime
{
    public const string CurrentSecret = "whsec_current_test_secret";
    public const string PreviousSecret = "whsec_previous_test_secret";

    /// <summary>Below the fake's (Stripe's) 50-cent minimum, so Stripe's own refusal of an amount can be seen.</summary>
    public const long MinimumAmountCents = 10;
    public const long MaximumAmountCents = 10_000;

    private WebApplication _app = null!;

    public TestDatabase Database { get; private set; } = null!;

    public StripeFakeServer Stripe { get; private set; } = null!;

    public ApiClient Api { get; private set; } = null!;

    public Uri WebhookUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Stripe = await StripeFakeServer.StartAsync(new StripeFakeOptions
        {
            WebhookSecrets = [CurrentSecret],
            WebhookRetryDelay = TimeSpan.FromMilliseconds(20),
        });

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Postgres:ConnectionString"] = Database.ConnectionString,
            ["Platform:Silo:Port"] = TestCluster.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform:Auth:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Platform:Api:AuthRequestsPerMinutePerAddress"] = "100000",
            ["Platform:Api:AuthRequestsPerMinutePerUser"] = "100000",
            ["Platform:Stripe:BaseAddress"] = Stripe.BaseAddress.ToString(),
            ["Platform:Stripe:SecretKey"] = Stripe.SecretKey,
            ["Platform:Stripe:WebhookSecrets:0"] = CurrentSecret,
            ["Platform:Stripe:WebhookSecrets:1"] = PreviousSecret,
            ["Platform:Stripe:AttemptTimeout"] = "00:00:05",
            ["Platform:Stripe:MaxRetries"] = "2",
            ["Platform:Stripe:RetryDelay"] = "00:00:00.010",
            ["Platform:Payments:MinimumAmountCents"] = MinimumAmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Platform:Payments:MaximumAmountCents"] = MaximumAmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddSilo(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly));
        builder.Services.AddPostgresPersistence();
        builder.Services.AddPlatformGrains();
        builder.Services.AddPlatformApi();
        builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [HealthApi.ReadyTag]);

        _app = builder.Build();
        _app.UsePlatformApi();
        await _app.StartAsync();

        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        WebhookUrl = new Uri(address, "api/payments/stripe/webhook");
        Stripe.WebhookUrl = WebhookUrl;
        Api = new ApiClient(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) });
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Stripe.DisposeAsync();
        await Database.DisposeAsync();
    }
}
