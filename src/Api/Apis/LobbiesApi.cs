using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Lobbies;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Errors;
using Platform.Grains.Lobbies;

namespace Platform.Api.Apis;

public static class LobbiesApi
{
    public const int MaxListed = 100;

    // Codes are random over 31^6 (about 887 million); a few tries make a clash with an open lobby vanishingly rare.
    private const int CodeAttempts = 5;

    public static RouteGroupBuilder MapLobbiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/lobbies").RequireAuthorization();
        api.MapPost("/", CreateAsync);
        api.MapGet("/", (ILobbyDirectory lobbies) => lobbies.OpenAsync(MaxListed));
        api.MapGet("/{code}", GetAsync);
        return api;
    }

    private static async Task<Results<Created<LobbyView>, ProblemHttpResult>> CreateAsync(
        CreateLobbyRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var errors = new FieldErrors();
        var name = errors.Text("name", request.Name, 1, 60);
        var maxPlayers = errors.Required("maxPlayers", request.MaxPlayers);
        var questionCount = errors.Required("questionCount", request.QuestionCount);
        var seconds = errors.Required("secondsPerQuestion", request.SecondsPerQuestion);
        if (request.MaxPlayers is < 1 or > 8) errors.Add("maxPlayers", "Must be 1 to 8.");
        if (request.QuestionCount is < 1 or > 50) errors.Add("questionCount", "Must be 1 to 50.");
        if (request.SecondsPerQuestion is < 5 or > 120) errors.Add("secondsPerQuestion", "Must be 5 to 120.");
        var category = string.IsNullOrWhiteSpace(request.Category) ? null : errors.Text("category", request.Category, 1, 40).ToLowerInvariant();
        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());

        var lobby = new NewLobby(principal.UserId(), principal.Username(), name,
            new LobbySettings(maxPlayers, questionCount, seconds, category, request.IsPrivate ?? false));
        for (var attempt = 1; ; attempt++)
        {
            var code = LobbyCodes.New();
            try
            {
                return TypedResults.Created($"/api/lobbies/{code}", await grains.GetGrain<ILobbyGrain>(code).Create(lobby));
            }
            catch (PlatformException clash) when (clash.Code == ErrorCodes.Conflict && attempt < CodeAttempts)
            {
            }
        }
    }

    private static async Task<Results<Ok<LobbyView>, ProblemHttpResult>> GetAsync(string code, IGrainFactory grains)
    {
        if (LobbyCodes.Normalize(code) is not { } normalized) return Problems.NotFound("There is no such lobby.");
        return TypedResults.Ok(await grains.GetGrain<ILobbyGrain>(normalized).Get());
    }
}
