using Platform.Actors.Hosting;
using Platform.Actors.Persistence;
using Platform.Api.Apis;
using Platform.Api.Extensions;
using Platform.Grains;
using Platform.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
await builder.Configuration.PrepareDatabaseAsync(builder.Environment.ContentRootPath);
await using var stripeFake = await builder.Configuration.PrepareStripeAsync();
builder.Services.AddSilo(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly));
builder.Services.AddPostgresPersistence();
builder.Services.AddPlatformGrains();
builder.Services.AddPlatformApi();
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [HealthApi.ReadyTag]);

var app = builder.Build();
app.UsePlatformApi();
app.Run();

/// <summary>The entry point, named so that API tests can start this host with WebApplicationFactory.</summary>
public partial class Program;
