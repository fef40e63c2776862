using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Api.Auth;
using Platform.Grains.Cafes;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Games;
using Platform.Grains.Lobbies;

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

    // The node stops following first: a renewal of the room that is on its way then undoes itself (see EventRelay).
    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var streams = relay.StreamsOf(Context.ConnectionId);
        await relay.DisconnectedAsync(Context.ConnectionId);
        foreach (var stream in streams)
        {
            switch (EventStreams.Parse(stream))
            {
                case (EventStreams.CafeKind, var cafeId):
                    await grains.GetGrain<ICafeGrain>(Guid.Parse(cafeId)).Leave(UserId, Context.ConnectionId);
                    break;
                case (EventStreams.LobbyKind, var code):
                    await grains.GetGrain<ILobbyGrain>(code).Disconnected(UserId, Context.ConnectionId);
                    break;
            }
        }
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
        await relay.UnfollowAsync(Context.ConnectionId, EventStreams.Cafe(cafeId));
        await grains.GetGrain<ICafeGrain>(cafeId).Leave(UserId, Context.ConnectionId);
    }

    public Task<ChatMessage> SendMessage(Guid cafeId, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return grains.GetGrain<ICafeGrain>(cafeId).SendMessage(UserId, content);
    }

    public Task StartTyping(Guid cafeId) => grains.GetGrain<ICafeGrain>(cafeId).StartTyping(UserId);

    public async Task<LobbyView> JoinLobby(string code)
    {
        var lobby = grains.GetGrain<ILobbyGrain>(LobbyCode(code));
        await lobby.Get(); // an unknown lobby fails here, before this node subscribes to it
        await relay.FollowAsync(Context.ConnectionId, EventStreams.Lobby(LobbyCode(code)));
        var joined = await lobby.Join(new LobbyPlayerConnection(UserId, Context.User!.Username(), Context.ConnectionId));

        // A player coming back mid-game gets the question that is open now, as if it had just been shown.
        if (joined.GameId is { } gameId && (await grains.GetGrain<IGameGrain>(gameId).Get()).CurrentQuestion is { } question)
        {
            await Clients.Caller.SendAsync(EventNames.Question, question);
        }

        return joined;
    }

    public async Task LeaveLobby(string code)
    {
        await grains.GetGrain<ILobbyGrain>(LobbyCode(code)).Leave(UserId);
        await relay.UnfollowAsync(Context.ConnectionId, EventStreams.Lobby(LobbyCode(code)));
    }

    public Task<LobbyView> SetReady(string code, bool ready) => grains.GetGrain<ILobbyGrain>(LobbyCode(code)).SetReady(UserId, ready);

    public async Task<GameStartedReply> StartGame(string code) => new(await grains.GetGrain<ILobbyGrain>(LobbyCode(code)).StartGame(UserId));

    public Task<AnswerResult> SubmitAnswer(Guid gameId, int questionIndex, int optionIndex) =>
        grains.GetGrain<IGameGrain>(gameId).SubmitAnswer(UserId, questionIndex, optionIndex);

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

    private static string LobbyCode(string code) => LobbyCodes.Normalize(code) ?? throw PlatformException.NotFound("There is no such lobby.");

    private void EnsureLoadTestHub()
    {
        if (!options.Value.EnableLoadTestHub) throw new HubException($"{ErrorCodes.NotFound}: load test methods are off");
    }
}
