using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Cafes;
using Platform.Api.Apis.Chat;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;

namespace Platform.Api.Apis;

public static class CafesApi
{
    public const double DefaultRadiusMeters = 100;
    public const int MaxMuteMinutes = 30 * 24 * 60;

    public static RouteGroupBuilder MapCafesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cafes").RequireAuthorization();
        api.MapPost("/", CreateAsync);
        api.MapGet("/{id:guid}", (Guid id, IGrainFactory grains) => grains.GetGrain<ICafeGrain>(id).Get());
        api.MapPost("/{id:guid}/mutes", MuteAsync);
        api.MapDelete("/{id:guid}/mutes/{userId:guid}", async (Guid id, Guid userId, ClaimsPrincipal principal, IGrainFactory grains) =>
        {
            await grains.GetGrain<ICafeGrain>(id).Unmute(principal.UserId(), userId);
            return TypedResults.NoContent();
        });
        return api;
    }

    private static async Task<Results<Created<CafeView>, ProblemHttpResult>> CreateAsync(
        CreateCafeRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (principal.IsGuest()) return Problems.Of(ErrorCodes.Forbidden, "Guests cannot open cafés; register first.");

        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 1, 100);
        var address = errors.Text("address", request.Address, 1, 200);
        var wifiSsid = errors.Text("wifiSsid", request.WifiSsid, 1, 32);
        var latitude = errors.Required("latitude", request.Latitude);
        var longitude = errors.Required("longitude", request.Longitude);
        if (latitude is < -90 or > 90) errors.Add("latitude", "Must be between -90 and 90.");
        if (longitude is < -180 or > 180) errors.Add("longitude", "Must be between -180 and 180.");
        var radius = request.RadiusMeters ?? DefaultRadiusMeters;
        if (radius is < 10 or > 5000) errors.Add("radiusMeters", "Must be between 10 and 5000.");
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var id = Guid.NewGuid();
        var cafe = await grains.GetGrain<ICafeGrain>(id).Create(new NewCafe(principal.UserId(), name, address, wifiSsid, latitude, longitude, radius));
        return TypedResults.Created($"/api/cafes/{id}", cafe);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MuteAsync(Guid id, MuteRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var userId = errors.Required("userId", request.UserId);
        var minutes = errors.Required("minutes", request.Minutes);
        if (request.Minutes is < 1 or > MaxMuteMinutes) errors.Add("minutes", $"Must be 1 to {MaxMuteMinutes}.");
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        await grains.GetGrain<ICafeGrain>(id).Mute(principal.UserId(), userId, TimeSpan.FromMinutes(minutes));
        return TypedResults.NoContent();
    }
}
