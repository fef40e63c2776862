using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;
using Platform.Api.Apis;
using Platform.Api.Hubs;

namespace Platform.Api.Extensions;

public static class ApiApplicationExtensions
{
    /// <summary>The API's middleware and endpoints: REST under <c>/api</c>, the hub, and the web client at <c>/</c>.</summary>
    public static WebApplication UsePlatformApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use((context, next) =>
        {
            // The same id is in every log line of the request (the hosting log scope), and in problem details as traceId.
            context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
            return next(context);
        });

        var webClient = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(webClient))
        {
            var files = new PhysicalFileProvider(webClient);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapHealthApi();
        app.MapAuthApi();
        app.MapUsersApi();
        app.MapCafesApi();
        app.MapChatApi();
        app.MapMatchingApi();
        app.MapPokesApi();
        app.MapDmApi();
        app.MapLobbiesApi();
        app.MapGamesApi();
        app.MapPaymentsApi();
        app.MapBadgesApi();
        app.MapHub<PlatformHub>(PlatformHub.Path);

        // No catch-all endpoint for unknown /api routes: it would also win over a real endpoint that routing turned
        // down for its method or content type (a register without a JSON body became "no such route"). Unmatched
        // requests fall through to the status code pages, which write the problem (see AddPlatformApi).
        return app;
    }
}
