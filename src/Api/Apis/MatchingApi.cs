using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Matching;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Cafes;
using Platform.Grains.Users;

namespace Platform.Api.Apis;

public static class MatchingApi
{
    public static RouteGroupBuilder MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/matching").RequireAuthorization();
        api.MapGet("/discover", DiscoverAsync);
        return api;
    }

    /// <summary>The people in the café now with poking on, most shared interests first; never the caller.</summary>
    private static async Task<Results<Ok<ImmutableArray<DiscoveredUser>>, ProblemHttpResult>> DiscoverAsync(
        Guid? cafeId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (cafeId is not { } id) return Problems.Validation(new FieldErrors().Add("cafeId", "This query parameter is required.").ToDictionary());
        if (principal.GuestCafeId() is { } guestCafe && guestCafe != id) return Problems.NotFound("There is no such café.");

        var me = principal.UserId();
        var online = await grains.GetGrain<ICafeGrain>(id).GetPresence();
        var myInterests = (await grains.GetGrain<IUserGrain>(me).Get()).Interests;
        var others = await Task.WhenAll(online.Where(user => user.UserId != me).Select(user => grains.GetGrain<IUserGrain>(user.UserId).Get()));
        ImmutableArray<DiscoveredUser> found =
        [
            .. others
                .Where(user => user.PokeEnabled)
                .Select(user => Score(user, myInterests))
                .OrderByDescending(user => user.Score)
                .ThenBy(user => user.Username, StringComparer.OrdinalIgnoreCase),
        ];
        return TypedResults.Ok(found);
    }

    private static DiscoveredUser Score(UserView user, ImmutableArray<string> myInterests)
    {
        ImmutableArray<string> shared = [.. user.Interests.Intersect(myInterests, StringComparer.Ordinal)];
        return new DiscoveredUser(user.Id, user.Username, shared, shared.Length);
    }
}
