using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Api.Apis.Games;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Errors;
using Platform.Grains.Games;

namespace Platform.Api.Apis;

public static class GamesApi
{
    public const int MaxLeaderboard = 100;
    public const int MaxImport = 500;

    public static IEndpointRouteBuilder MapGamesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapGet("/games/{id:guid}", (Guid id, IGrainFactory grains) => grains.GetGrain<IGameGrain>(id).Get());
        api.MapGet("/leaderboard", LeaderboardAsync);
        api.MapPost("/questions/import", ImportAsync);
        return app;
    }

    private static async Task<Results<Ok<ImmutableArray<RatedPlayer>>, ProblemHttpResult>> LeaderboardAsync(int? limit, ILeaderboard leaderboard)
    {
        if (limit is < 1 or > MaxLeaderboard) return Problems.Validation(new FieldErrors().Add("limit", $"Must be 1 to {MaxLeaderboard}.").ToDictionary());
        return TypedResults.Ok(await leaderboard.TopAsync(limit ?? 20));
    }

    private static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> ImportAsync(
        ImportQuestionsRequest request, ClaimsPrincipal principal, IQuestionBank bank, IOptions<ApiOptions> options)
    {
        if (principal.IsGuest() || !options.Value.AdminUsernames.Contains(principal.Username(), StringComparer.OrdinalIgnoreCase))
        {
            return Problems.Of(ErrorCodes.Forbidden, "Only admins import questions.");
        }

        var errors = new FieldErrors();
        var category = errors.Text("category", request.Category, 1, 40).ToLowerInvariant();
        if (request.Questions is null or { Length: 0 } || request.Questions.Length > MaxImport) errors.Add("questions", $"Give 1 to {MaxImport} questions.");
        var questions = ImmutableArray.CreateBuilder<NewQuestion>();
        for (var i = 0; i < (request.Questions?.Length ?? 0); i++)
        {
            if (Check(request.Questions![i], $"questions[{i}]", errors) is { } question) questions.Add(question);
        }

        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());
        var added = await bank.ImportAsync(category, questions.ToImmutable());
        return TypedResults.Ok(new ImportResult(added, questions.Count - added));
    }

    private static NewQuestion? Check(ImportedQuestion? question, string field, FieldErrors errors)
    {
        if (question is null)
        {
            errors.Add(field, "A question is required.");
            return null;
        }

        var before = errors.IsEmpty;
        var text = errors.Text($"{field}.text", question.Text, 1, 300);
        var options = question.Options?.Select(option => option?.Trim() ?? "").ToArray() ?? [];
        if (options.Length is < 2 or > 6) errors.Add($"{field}.options", "Give 2 to 6 options.");
        if (options.Any(option => option.Length is 0 or > 120)) errors.Add($"{field}.options", "Each option is 1 to 120 characters.");
        if (question.CorrectIndex is not { } correct || correct < 0 || correct >= options.Length) errors.Add($"{field}.correctIndex", "Must point at one of the options.");
        if (question.Points is < 1 or > 10) errors.Add($"{field}.points", "Must be 1 to 10.");
        return before && errors.IsEmpty ? new NewQuestion(text, [.. options], question.CorrectIndex!.Value, question.Points ?? 1) : null;
    }
}
