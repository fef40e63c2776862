using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Api.Auth;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;
using Platform.Grains.Events;

namespace Platform.Api.Hubs;

/// <summary>
/// The one hub clients connect to. Methods forward to grains; events come back through <see cref="EventRelay"/>.
/// Every connection follows its user's own stream, and the streams of the rooms it joined.
/// </summary>
[Authorize]
public sealed class PlatformHub(IGrainFactory grains, EventRelay relay, IOptions<ApiOptions> options) : Hub
{
    public const string Path = "/hubs/platform";

    /// <summary>What binding failures are turned into by <see cref="ArgumentCheckingHubProtocol"/>.</summary>
    public const string InvalidInvocationMethod = "$invalidInvocation";

    private Guid UserId => Context.User!.UserId();

    public override async Task OnConnectedAsync()
    {
        relay.Connected(Context);
        await relay.FollowAsync(Context.ConnectionId, EventStreams.User(UserId));
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var stream in relay.StreamsOf(Context.ConnectionId))
        {
            if (EventStreams.Parse(stream) is (EventStreams.CafeKind, var key)) await grains.GetGrain<ICafeGrain>(Guid.Parse(key)).Leave(UserId, Context.ConnectionId);
        }

        await relay.DisconnectedAsync(Context.ConnectionId);
    }

    public async Task<CafeRoom> JoinCafe(Guid cafeId)
    {
        if (Context.User!.GuestCafeId() is { } guestCafe && guestCafe != cafeId) throw PlatformException.Forbidden("Guests stay in the café they joined.");

        var stream = EventStreams.Cafe(cafeId);
        var cafe = grains.GetGrain<ICafeGrain>(cafeId);
        await cafe.Get(); // an unknown café fails here, before this node subscribes to it
        await relay.FollowAsync(Context.ConnectionId, stream);
        return await cafe.Enter(new CafeVisitor(UserId, Context.User!.Username(), Context.ConnectionId));
    }

    public async Task LeaveCafe(Guid cafeId)
    {
        await grains.GetGrain<ICafeGrain>(cafeId).Leave(UserId, Context.ConnectionId);
        await relay.UnfollowAsync(Context.ConnectionId, EventStreams.Cafe(cafeId));
    }

    public Task<ChatMessage> SendMessage(Guid cafeId, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return grains.GetGrain<ICafeGrain>(cafeId).SendMessage(UserId, content);
    }

    public Task StartTyping(Guid cafeId) => grains.GetGrain<ICafeGrain>(cafeId).StartTyping(UserId);

    /// <summary>Joins a plain SignalR group, for the load program's baseline; only when the option allows it.</summary>
    public Task LoadTestJoinGroup(string group)
    {
        EnsureLoadTestHub();
        return Groups.AddToGroupAsync(Context.ConnectionId, $"loadtest/{group}");
    }

    /// <summary>Sends <c>chatMessage</c> straight to a group, with no grain in the path: the load program's baseline.</summary>
    public Task LoadTestBroadcast(string group, object payload)
    {
        EnsureLoadTestHub();
        return Clients.Group($"loadtest/{group}").SendAsync(EventNames.ChatMessage, payload);
    }

    [HubMethodName(InvalidInvocationMethod)]
    public Task InvalidInvocation(string method, string reason) =>
        throw (HubMethods.Exists(method)
            ? new HubException($"{ErrorCodes.ValidationFailed}: the arguments of {method} have the wrong number, types or format ({reason})")
            : new HubException($"{ErrorCodes.NotFound}: there is no hub method {method}"));

    private void EnsureLoadTestHub()
    {
        if (!options.Value.EnableLoadTestHub) throw new HubException($"{ErrorCodes.NotFound}: load test methods are off");
    }
}
