using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Auth;
using Platform.Grains.Badges;

namespace Platform.Api.Apis;

public static class BadgesApi
{
    public static RouteGroupBuilder MapBadgesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/badges").RequireAuthorization();

        // tipsThisWeek counts tips to ?cafeId=, else to the café tipped last, else to a guest's own café.
        api.MapGet("/status", (Guid? cafeId, ClaimsPrincipal principal, IGrainFactory grains) =>
            grains.GetGrain<IBadgeGrain>(principal.UserId()).GetStatus(cafeId, principal.GuestCafeId()));
        return api;
    }
}
