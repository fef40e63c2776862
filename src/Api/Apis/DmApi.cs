using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Actors;
using Platform.Api.Apis.Dms;
using Platform.Api.Auth;
using Platform.Api.Errors;
using Platform.Grains.Dms;

namespace Platform.Api.Apis;

public static class DmApi
{
    public static RouteGroupBuilder MapDmApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dm").RequireAuthorization();
        api.MapGet("/channels", (ClaimsPrincipal principal, IDmDirectory channels) => channels.ChannelsOfAsync(principal.UserId()));
        api.MapGet("/{channelId:guid}/messages", HistoryAsync);
        api.MapPost("/{channelId:guid}/messages", SendAsync);
        api.MapDelete("/messages/{id:guid}", DeleteAsync);
        return api;
    }

    private static async Task<Results<Ok<ImmutableArray<DmMessage>>, ProblemHttpResult>> HistoryAsync(
        Guid channelId, Guid? before, int? limit, ClaimsPrincipal principal, IGrainFactory grains, IDmDirectory channels)
    {
        if (limit is < 1 or > ChatApi.MaxPageSize) return Problems.Validation(new FieldErrors().Add("limit", $"Must be 1 to {ChatApi.MaxPageSize}.").ToDictionary());
        if (!await grains.GetGrain<IDmChannelGrain>(channelId).IsMember(principal.UserId())) return Problems.NotFound("There is no such channel.");
        return TypedResults.Ok(await channels.PageAsync(channelId, before, limit ?? ChatApi.DefaultPageSize));
    }

    private static async Task<Results<Created<DmMessage>, ProblemHttpResult>> SendAsync(
        Guid channelId, SendDmRequest request, ClaimsPrincipal principal, IGrainFactory grains)
    {
        if (request.Content is null) return Problems.Validation(new FieldErrors().Add("content", "This field is required.").ToDictionary());
        var message = await grains.GetGrain<IDmChannelGrain>(channelId).Send(principal.UserId(), request.Content);
        return TypedResults.Created($"/api/dm/{channelId}/messages", message);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ClaimsPrincipal principal, IGrainFactory grains, IDmDirectory channels)
    {
        if (await channels.ChannelOfMessageAsync(id) is not { } channelId) return Problems.NotFound("There is no such message.");
        await grains.GetGrain<IDmChannelGrain>(channelId).Delete(id, principal.UserId());
        return TypedResults.NoContent();
    }
}
