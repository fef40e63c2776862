using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.Api.Apis;

public static class HealthApi
{
    /// <summary>Tag of the health checks that decide readiness (database reachable, silo active).</summary>
    public const string ReadyTag = "ready";

    public static RouteGroupBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/health", () => TypedResults.Ok(new HealthResponse("ok")));
        api.MapGet("/ready", ReadyAsync);
        return api;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> ReadyAsync(
        HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(ReadyTag), cancellationToken);
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(new HealthResponse("ok"))
            : TypedResults.Json(new HealthResponse("unavailable"), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
