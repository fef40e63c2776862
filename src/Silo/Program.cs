using Platform.Actors.Hosting;
using Platform.Actors.Persistence;
using Platform.Api.Apis;
using Platform.Api.Extensions;
using Platform.Grains;
using Platform.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
await builder.Configuration.PrepareDatabaseAsync(builder.Environment.ContentRootPath);
builder.Services.AddSilo(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly));
builder.Services.AddPostgresPersistence();
builder.Services.AddPlatformGrains();
builder.Services.AddPlatformApi();
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [HealthApi.ReadyTag]);

var app = builder.Build();

// Started after the silo's host is built, because a test host (WebApplicationFactory) takes the first host built
// in the process for its own; options read the Stripe settings it writes when the host starts.
await using var stripeFake = await app.Configuration.PrepareStripeAsync();
app.UsePlatformApi();
app.Run();

/// <summary>The entry point, named so that API tests can start this host with WebApplicationFactory.</summary>
public partial class Program;
