using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Users;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Users;

namespace Platform.Api.Apis;

public static class UsersApi
{
    public const int MaxInterests = 10;
    public const int MaxInterestLength = 32;

    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/users").RequireAuthorization();
        api.MapGet("/me", (ClaimsPrincipal principal, IGrainFactory grains) => Me(grains, principal).Get());
        api.MapPut("/me/interests", SetInterestsAsync);
        api.MapPut("/me/poke-enabled", SetPokeEnabledAsync);
        api.MapGet("/{id:guid}/stats", (Guid id, IGrainFactory grains) => grains.GetGrain<IUserGrain>(id).GetStats());
        return api;
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetInterestsAsync(
        InterestsRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        if (request.Interests is null) errors.Add("interests", "This field is required.");
        else if (request.Interests.Length > MaxInterests) errors.Add("interests", $"At most {MaxInterests}.");
        var interests = new List<string>();
        foreach (var interest in request.Interests ?? [])
        {
            var text = interest?.Trim().ToLowerInvariant() ?? "";
            if (text.Length is 0 or > MaxInterestLength) errors.Add("interests", $"Each is 1 to {MaxInterestLength} characters.");
            else if (!interests.Contains(text)) interests.Add(text);
        }

        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());
        return TypedResults.Ok(await Me(grains, principal).SetInterests(interests));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> SetPokeEnabledAsync(
        PokeEnabledRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (request.Enabled is not { } enabled) return Problems.Validation(new FieldErrors().Add("enabled", "This field is required.").ToDictionary());
        return TypedResults.Ok(await Me(grains, principal).SetPokeEnabled(enabled));
    }

    private static IUserGrain Me(IGrainFactory grains, ClaimsPrincipal principal) => grains.GetGrain<IUserGrain>(principal.UserId());
}
