using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Cafes;

namespace Platform.Api.Apis;

public static class ChatApi
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapChatApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat").RequireAuthorization();
        api.MapGet("/messages/{cafeId:guid}", HistoryAsync);
        api.MapDelete("/messages/{id:guid}", DeleteAsync);
        api.MapGet("/presence/{cafeId:guid}", (Guid cafeId, IGrainFactory grains) => grains.GetGrain<ICafeGrain>(cafeId).GetPresence());
        api.MapGet("/topics/{cafeId:guid}", (Guid cafeId, IGrainFactory grains) => grains.GetGrain<ICafeGrain>(cafeId).GetTopics());
        return api;
    }

    /// <summary>Newest first; <c>before</c> is a time (ISO-8601) or the id of the oldest message already shown.</summary>
    private static async Task<Results<Ok<ImmutableArray<ChatMessage>>, ProblemHttpResult>> HistoryAsync(
        Guid cafeId, string? before, int? limit, IGrainFactory grains, ICafeHistory history, ClaimsPrincipal principal)
    {
        var errors = new FieldErrors();
        if (limit is < 1 or > MaxPageSize) errors.Add("limit", $"Must be 1 to {MaxPageSize}.");
        DateTimeOffset? olderThan = null;
        var beforeMessage = Guid.TryParse(before, out var messageId);
        if (!beforeMessage && before is not null)
        {
            if (DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)) olderThan = time;
            else errors.Add("before", "Must be a time (ISO-8601) or a message id.");
        }

        if (!errors.IsEmpty) return Problems.Validation(errors.ToDictionary());
        if (principal.GuestCafeId() is { } guestCafe && guestCafe != cafeId) return Problems.NotFound("There is no such café.");

        await grains.GetGrain<ICafeGrain>(cafeId).Get(); // 404 for an unknown café rather than an empty page
        var size = limit ?? DefaultPageSize;
        return TypedResults.Ok(beforeMessage ? await history.PageBeforeAsync(cafeId, messageId, size) : await history.PageAsync(cafeId, olderThan, size));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, IGrainFactory grains, ICafeHistory history, ClaimsPrincipal principal)
    {
        var cafeId = await history.CafeOfAsync(id);
        if (cafeId is null) return Problems.NotFound("There is no such message.");
        await grains.GetGrain<ICafeGrain>(cafeId.Value).DeleteMessage(id, principal.UserId());
        return TypedResults.NoContent();
    }
}
