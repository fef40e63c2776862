using System.Globalization;
using System.Net;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Api.Apis;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Api.Hubs;
using Platform.Api.Payments;
using Platform.Grains.Errors;

namespace Platform.Api.Extensions;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The API edge: endpoints' services, JWT auth, problem details, rate limits, CORS, and the hub with its event relay.</summary>
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<RefreshTokenCodec>();

        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) => kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // Problems written by the framework (unknown route, missing body, 405) get the contract's code too.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            context.ProblemDetails.Extensions.TryAdd("code", ErrorStatus.CodeOf(status));
            context.ProblemDetails.Detail ??= status switch
            {
                StatusCodes.Status404NotFound => "There is no such API route.",
                StatusCodes.Status405MethodNotAllowed => "This route does not take that method.",
                StatusCodes.Status415UnsupportedMediaType => "The body must be JSON, sent with Content-Type: application/json.",
                _ => null,
            };
        });
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        services.AddAuthorization();
        services.AddRateLimiter(ConfigureRateLimits);
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) =>
            cors.AddDefaultPolicy(policy => policy.WithOrigins(api.Value.CorsOrigins).AllowAnyHeader().AllowAnyMethod()));

        services.AddSignalR(options => options.AddFilter<HubErrorFilter>())
            .AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        services.AddSingleton<IHubProtocol, ArgumentCheckingHubProtocol>();
        services.AddSingleton<EventRelay>();
        services.AddHostedService(provider => provider.GetRequiredService<EventRelay>());
        services.AddPlatformPayments();
        return services;
    }

    private static void ConfigureRateLimits(RateLimiterOptions options)
    {
        // Per address on the auth endpoints: a café's guests share one, so the limit is generous and joins are
        // guarded by their single-use tokens instead.
        options.AddPolicy(AuthApi.RateLimitPolicy, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.AuthRequestsPerMinutePerAddress;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress ?? IPAddress.None,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });

        // Per signed-in user on the auth endpoints, whatever address the calls come from.
        options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!context.Request.Path.StartsWithSegments("/api/auth") || context.User.Identity?.IsAuthenticated != true)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.AuthRequestsPerMinutePerUser;
            return RateLimitPartition.GetFixedWindowLimiter(
                context.User.UserId().ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        });

        options.OnRejected = async (context, cancellationToken) =>
        {
            var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await Problems.Of(ErrorCodes.RateLimited, $"Too many requests; retry after {seconds}s.").ExecuteAsync(context.HttpContext);
        };
    }
}
