using Platform.Actors.Hosting;
using Platform.Actors.Persistence;
using Platform.Api.Apis;
using Platform.Grains;
using Platform.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
await builder.Configuration.PrepareDatabaseAsync(builder.Environment.ContentRootPath);
builder.Services.AddSilo(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly));
builder.Services.AddPostgresPersistence();
builder.Services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: [HealthApi.ReadyTag]);

var app = builder.Build();
app.MapHealthApi();
app.Run();
