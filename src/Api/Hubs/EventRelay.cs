using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Api.Auth;
using Platform.Grains.Cafes;
using Platform.Grains.Events;
using Platform.Grains.Lobbies;
using Platform.Grains.Users;

namespace Platform.Api.Hubs;

/// <summary>
/// This API node's end of the event path. For each stream that some connection here follows, the node holds
/// one subscription on the grain (renewed before it expires, dropped when the last follower leaves) and relays
/// each event to the stream's SignalR groups. There is no backplane: every node subscribes for itself.
/// A stream has one group per fan-out lane (see <see cref="FanOutLane"/>), and a connection is in its lane's.
/// </summary>
public sealed class EventRelay : BackgroundService, IGrainEventObserver
{
    private readonly IGrainFactory _grains;
    private readonly IHubContext<PlatformHub> _hub;
    private readonly TimeSpan _renewPeriod;
    private readonly TimeProvider _time;
    private readonly ILogger<EventRelay> _logger;
    private readonly IGrainEventObserver _reference;
    private readonly FanOutLane[] _lanes;
    private readonly ConcurrentDictionary<string, StreamFollowers> _streams = new();
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> _followedBy = new();

    public EventRelay(
        IGrainFactory grains,
        IHubContext<PlatformHub> hub,
        IOptions<GrainEventOptions> options,
        IOptions<ApiOptions> apiOptions,
        TimeProvider time,
        ILogger<EventRelay> logger)
    {
        _grains = grains;
        _hub = hub;
        _renewPeriod = options.Value.SubscriptionLifetime / 3;
        _time = time;
        _logger = logger;
        _reference = grains.CreateObjectReference<IGrainEventObserver>(this);
        _lanes = [.. Enumerable.Range(0, apiOptions.Value.FanOutLanes).Select(_ => new FanOutLane())];
    }

    /// <summary>Streams followed on this node, for tests and diagnostics.</summary>
    public int FollowedStreamCount => _streams.Count;

    public void Connected(HubCallerContext connection) => _connections[connection.ConnectionId] = connection;

    /// <summary>Adds the connection to the stream's group, subscribing this node to the grain if it is the first.</summary>
    public async Task FollowAsync(string connectionId, string stream)
    {
        while (true)
        {
            var followers = _streams.GetOrAdd(stream, static name => new StreamFollowers(name));
            await followers.Gate.WaitAsync();
            try
            {
                // The last follower may have left, and dropped this entry, while we waited for the gate.
                if (!_streams.TryGetValue(stream, out var current) || current != followers) continue;
                if (followers.Connections.Count == 0) await Source(stream).Subscribe(_reference);
                if (!followers.Connections.Add(connectionId)) return;
                _followedBy.GetOrAdd(connectionId, static _ => new ConcurrentDictionary<string, bool>())[stream] = true;
                await _hub.Groups.AddToGroupAsync(connectionId, LaneGroup(stream, LaneOf(connectionId)));
                return;
            }
            finally
            {
                followers.Gate.Release();
            }
        }
    }

    public async Task UnfollowAsync(string connectionId, string stream)
    {
        if (!_streams.TryGetValue(stream, out var followers)) return;
        await followers.Gate.WaitAsync();
        try
        {
            if (!followers.Connections.Remove(connectionId)) return;
            if (_followedBy.TryGetValue(connectionId, out var followed)) followed.TryRemove(stream, out _);
            await _hub.Groups.RemoveFromGroupAsync(connectionId, LaneGroup(stream, LaneOf(connectionId)));
            if (followers.Connections.Count > 0) return;
            _streams.TryRemove(new KeyValuePair<string, StreamFollowers>(stream, followers));
            await Source(stream).Unsubscribe(_reference);
        }
        catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException)
        {
            _logger.SubscribeFailed(stream, exception); // the subscription expires by itself
        }
        finally
        {
            followers.Gate.Release();
        }
    }

    /// <summary>The streams a connection follows, for leaving them when it closes.</summary>
    public IReadOnlyList<string> StreamsOf(string connectionId) =>
        _followedBy.TryGetValue(connectionId, out var followed) ? [.. followed.Keys] : [];

    public async Task DisconnectedAsync(string connectionId)
    {
        _connections.TryRemove(connectionId, out _);
        foreach (var stream in StreamsOf(connectionId)) await UnfollowAsync(connectionId, stream);
        _followedBy.TryRemove(connectionId, out _);
    }

    void IGrainEventObserver.OnEvent(GrainEvent grainEvent)
    {
        if (!_streams.ContainsKey(grainEvent.Stream)) return;

        // Events reach this observer one at a time, in the order each grain raised them, and each lane issues its
        // sends in that order. A group send has handed every connection its message when it returns, and SignalR
        // writes a connection's messages in the order they were handed to it. So each client gets its events in
        // order, and the next event goes out while this one is still being written to slow clients.
        var sends = new Task[_lanes.Length];
        object?[] arguments = [grainEvent.Payload];
        for (var lane = 0; lane < _lanes.Length; lane++)
        {
            var group = _hub.Clients.Group(LaneGroup(grainEvent.Stream, lane));
            sends[lane] = _lanes[lane].Post(() => group.SendCoreAsync(grainEvent.Name, arguments));
        }

        _ = AfterSendAsync(Task.WhenAll(sends), grainEvent);
    }

    // A connection's lane, the same for every stream it follows: its events of all streams go out in order.
    private int LaneOf(string connectionId) => (int)((uint)StringComparer.Ordinal.GetHashCode(connectionId) % (uint)_lanes.Length);

    private static string LaneGroup(string stream, int lane) => $"{stream}#{lane}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_renewPeriod, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var followers in _streams.Values)
            {
                try
                {
                    await Source(followers.Stream).Subscribe(_reference);
                    await RenewConnectionsAsync(followers);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.SubscribeFailed(followers.Stream, exception);
                }
            }
        }
    }

    // Rooms and lobbies know who is connected from the nodes: each says again which of its connections are there.
    private async Task RenewConnectionsAsync(StreamFollowers followers)
    {
        var (kind, key) = EventStreams.Parse(followers.Stream);
        if (kind is not (EventStreams.CafeKind or EventStreams.LobbyKind)) return;

        string[] connectionIds;
        await followers.Gate.WaitAsync();
        try
        {
            connectionIds = [.. followers.Connections];
        }
        finally
        {
            followers.Gate.Release();
        }

        var users = connectionIds
            .Select(id => _connections.TryGetValue(id, out var connection) ? connection : null)
            .OfType<HubCallerContext>()
            .Select(connection => (Id: connection.User!.UserId(), Name: connection.User!.Username(), connection.ConnectionId))
            .ToArray();
        if (kind == EventStreams.CafeKind)
        {
            var cafe = _grains.GetGrain<ICafeGrain>(Guid.Parse(key));
            await cafe.Renew([.. users.Select(u => new CafeVisitor(u.Id, u.Name, u.ConnectionId))]);
            foreach (var gone in users.Where(u => !Follows(u.ConnectionId, followers.Stream))) await cafe.Leave(gone.Id, gone.ConnectionId);
        }
        else
        {
            var lobby = _grains.GetGrain<ILobbyGrain>(key);
            await lobby.Renew([.. users.Select(u => new LobbyPlayerConnection(u.Id, u.Name, u.ConnectionId))]);
            foreach (var gone in users.Where(u => !Follows(u.ConnectionId, followers.Stream))) await lobby.Disconnected(gone.Id, gone.ConnectionId);
        }
    }

    // A connection that stopped following while the renewal was on its way: its own leave may have reached the grain
    // before the renewal did, so the renewal takes it out again. (The hub stops following before it leaves.)
    private bool Follows(string connectionId, string stream) =>
        _followedBy.TryGetValue(connectionId, out var followed) && followed.ContainsKey(stream);

    public override void Dispose()
    {
        _grains.DeleteObjectReference<IGrainEventObserver>(_reference);
        base.Dispose();
    }

    private async Task AfterSendAsync(Task sending, GrainEvent grainEvent)
    {
        try
        {
            await sending;
            if (grainEvent.Name == EventNames.AccountExpired) await CloseConnectionsFollowingAsync(grainEvent.Stream);
        }
        catch (Exception exception)
        {
            _logger.RelayFailed(grainEvent.Name, grainEvent.Stream, exception);
        }
    }

    // A guest whose account expired is told first; then it leaves the lobbies it was in (the café evicted it
    // already), and every connection of it on this node is closed.
    private async Task CloseConnectionsFollowingAsync(string userStream)
    {
        var userId = Guid.Parse(EventStreams.Parse(userStream).Key);
        foreach (var (connectionId, followed) in _followedBy)
        {
            if (!followed.ContainsKey(userStream) || !_connections.TryGetValue(connectionId, out var connection)) continue;
            foreach (var stream in followed.Keys)
            {
                if (EventStreams.Parse(stream) is not (EventStreams.LobbyKind, var code)) continue;
                try
                {
                    await _grains.GetGrain<ILobbyGrain>(code).Leave(userId);
                }
                catch (Exception exception) when (exception is TimeoutException or SiloUnavailableException)
                {
                    _logger.RelayFailed(EventNames.AccountExpired, stream, exception); // it stays, disconnected
                }
            }

            connection.Abort();
        }
    }

    private IGrainEventSource Source(string stream)
    {
        var (kind, key) = EventStreams.Parse(stream);
        return kind switch
        {
            EventStreams.CafeKind => _grains.GetGrain<ICafeGrain>(Guid.Parse(key)),
            EventStreams.UserKind => _grains.GetGrain<IUserGrain>(Guid.Parse(key)),
            EventStreams.LobbyKind => _grains.GetGrain<ILobbyGrain>(key),
            _ => throw new ArgumentException($"No grain publishes the stream '{stream}'.", nameof(stream)),
        };
    }
}
