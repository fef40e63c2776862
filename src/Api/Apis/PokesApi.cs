using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Pokes;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Errors;
using Platform.Grains.Pokes;

namespace Platform.Api.Apis;

public static class PokesApi
{
    public static RouteGroupBuilder MapPokesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/pokes").RequireAuthorization();
        api.MapPost("/send", SendAsync);
        api.MapPost("/respond", RespondAsync);
        api.MapGet("/pending", (ClaimsPrincipal principal, IPokeDirectory pokes, TimeProvider time) =>
            pokes.PendingForAsync(principal.UserId(), time.GetUtcNow()));
        api.MapGet("/sent", (ClaimsPrincipal principal, IPokeDirectory pokes, TimeProvider time) =>
            pokes.SentByAsync(principal.UserId(), time.GetUtcNow()));
        return api;
    }

    private static async Task<Results<Ok<PokeResult>, ProblemHttpResult>> SendAsync(SendPokeRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var to = errors.Required("toUserId", request.ToUserId);
        var interest = errors.Text("sharedInterest", request.SharedInterest, 1, UsersApi.MaxInterestLength).ToLowerInvariant();
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var me = principal.UserId();
        if (to == me) return Problems.Of(ErrorCodes.Conflict, "You cannot poke yourself.");
        return TypedResults.Ok(await grains.GetGrain<IPokePairGrain>(PokePairs.Key(me, to)).Send(me, to, interest));
    }

    private static async Task<Results<Ok<PokeResult>, ProblemHttpResult>> RespondAsync(
        RespondPokeRequest request, ClaimsPrincipal principal, IGrainFactory grains, IPokeDirectory pokes)
    {
        var errors = new FieldErrors();
        var pokeId = errors.Required("pokeId", request.PokeId);
        if (request.Action is not ("accept" or "decline")) errors.Add("action", "Must be accept or decline.");
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var me = principal.UserId();
        if (await pokes.PartiesOfAsync(pokeId) is not { } parties || parties.ToUserId != me) return Problems.NotFound("There is no such poke.");
        var pair = grains.GetGrain<IPokePairGrain>(PokePairs.Key(parties.FromUserId, parties.ToUserId));
        return TypedResults.Ok(await pair.Respond(pokeId, me, request.Action == "accept"));
    }
}
