using Platform.Actors.Hosting;
using Platform.Api.Apis;
using Platform.Grains;
using Platform.Silo.Extensions;

var builder = WebApplication.CreateBuilder(args);
await builder.Configuration.UseEmbeddedDefaultAsync(builder.Environment.ContentRootPath);
builder.Services.AddSilo(silo => silo.AddGrains(typeof(GrainsAssembly).Assembly));

var app = builder.Build();
app.MapHealthApi();
app.Run();
