using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Actors.Reminders;
using Platform.Grains.Errors;
using Platform.Grains.Events;
using Platform.Grains.Games;

namespace Platform.Grains.Lobbies;

public sealed class LobbyGrain(
    [PersistentState(LobbyGrain.StateName)] IPersistentState<LobbyState> lobby,
    LobbyTable table,
    IOptions<LobbyOptions> lobbyOptions,
    IOptions<GrainEventOptions> eventOptions,
    TimeProvider time) : Grain, ILobbyGrain, IRemindable
{
    public const string StateName = "lobby";
    private const string IdleReminder = "lobby-idle";

    // Each player's hub connections, and when their API node last said they were still there.
    private readonly Dictionary<Guid, Dictionary<string, DateTimeOffset>> _connections = [];
    private GrainEventPublisher _events = null!;

    private string Code => this.GetPrimaryKeyString();

    private LobbyState State => lobby.State;

    private bool IsOpen => lobby.RecordExists && !State.Closed;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _events = new GrainEventPublisher(EventStreams.Lobby(Code), eventOptions.Value.SubscriptionLifetime, time);
        return Task.CompletedTask;
    }

    public async Task<LobbyView> Create(NewLobby details)
    {
        if (IsOpen) throw PlatformException.Conflict("This lobby code is in use.");

        var now = time.GetUtcNow();
        lobby.State = new LobbyState
        {
            Id = Guid.NewGuid(),
            Name = details.Name,
            HostId = details.HostId,
            Status = LobbyStatus.Waiting,
            Settings = details.Settings,
            Players = [new LobbyPlayerState { UserId = details.HostId, Username = details.HostName }],
            LastConnectedAt = now,
        };
        await lobby.WriteStateAsync();
        var idle = lobbyOptions.Value.IdleTimeout;
        await RegisterOrUpdateReminder(IdleReminder, idle, idle < TimeSpan.FromMinutes(5) ? TimeSpan.FromMinutes(1) : idle / 5);
        return await ChangedAsync();
    }

    public Task<LobbyView> Get()
    {
        EnsureOpen();
        return Task.FromResult(View());
    }

    public async Task<LobbyView> Join(LobbyPlayerConnection player)
    {
        EnsureOpen();
        if (State.Players.Exists(p => p.UserId == player.UserId))
        {
            Connect(player.UserId, player.ConnectionId);
            if (State.Status == LobbyStatus.Playing && State.GameId is { } gameId) await GrainFactory.GetGrain<IGameGrain>(gameId).SetConnected(player.UserId, true);
            return View();
        }

        if (State.Status != LobbyStatus.Waiting) throw PlatformException.Conflict("The game in this lobby has started.");
        if (State.Players.Count >= State.Settings.MaxPlayers) throw PlatformException.Conflict("This lobby is full.");

        State.Players.Add(new LobbyPlayerState { UserId = player.UserId, Username = player.Username });
        Connect(player.UserId, player.ConnectionId);
        State.LastConnectedAt = time.GetUtcNow();
        await lobby.WriteStateAsync();
        return await ChangedAsync();
    }

    public async Task Leave(Guid userId)
    {
        if (!IsOpen || State.Players.RemoveAll(p => p.UserId == userId) == 0) return;
        _connections.Remove(userId);
        await TellGameAsync(userId, connected: false);
        if (State.Players.Count == 0)
        {
            await CloseAsync();
            return;
        }

        if (State.HostId == userId) State.HostId = State.Players[0].UserId;
        await lobby.WriteStateAsync();
        await ChangedAsync();
    }

    public async Task Disconnected(Guid userId, string connectionId)
    {
        if (!_connections.TryGetValue(userId, out var connections) || !connections.Remove(connectionId) || connections.Count > 0) return;
        _connections.Remove(userId);
        await TellGameAsync(userId, connected: false);
        if (_connections.Count > 0 || !IsOpen) return;
        State.LastConnectedAt = time.GetUtcNow();
        await lobby.WriteStateAsync();
    }

    public Task Renew(ImmutableArray<LobbyPlayerConnection> connections)
    {
        if (!IsOpen) return Task.CompletedTask;
        foreach (var connection in connections)
        {
            if (State.Players.Exists(p => p.UserId == connection.UserId)) Connect(connection.UserId, connection.ConnectionId);
        }

        return Task.CompletedTask;
    }

    public async Task<LobbyView> SetReady(Guid userId, bool ready)
    {
        EnsureOpen();
        var player = State.Players.Find(p => p.UserId == userId) ?? throw PlatformException.Forbidden("Join the lobby first.");
        if (State.Status != LobbyStatus.Waiting) throw PlatformException.Conflict("The game in this lobby has started.");
        if (player.IsReady == ready) return View();
        player.IsReady = ready;
        await lobby.WriteStateAsync();
        return await ChangedAsync();
    }

    public async Task<Guid> StartGame(Guid userId)
    {
        EnsureOpen();
        if (userId != State.HostId) throw PlatformException.Forbidden("Only the host starts the game.");
        if (State.Status != LobbyStatus.Waiting) throw PlatformException.Conflict("The game in this lobby has started.");
        if (State.Players.Exists(p => !p.IsReady)) throw PlatformException.Conflict("Not every player is ready.");

        var gameId = Guid.NewGuid();
        State.Status = LobbyStatus.Playing;
        State.GameId = gameId;
        var settings = State.Settings;
        var setup = new GameSetup(Code, settings.QuestionCount, settings.SecondsPerQuestion, settings.Category,
            [.. State.Players.Select(p => new GamePlayer(p.UserId, p.Username))]);
        try
        {
            await GrainFactory.GetGrain<IGameGrain>(gameId).Start(setup);
        }
        catch
        {
            State.Status = LobbyStatus.Waiting;
            State.GameId = null;
            throw;
        }

        await lobby.WriteStateAsync();
        await ChangedAsync();
        return gameId;
    }

    public Task Publish(string eventName, RawJson payload)
    {
        _events.Publish(eventName, payload);
        return Task.CompletedTask;
    }

    public async Task GameFinished(Guid gameId)
    {
        if (!IsOpen || State.GameId != gameId) return;
        State.Status = LobbyStatus.Waiting;
        foreach (var player in State.Players) player.IsReady = false;
        await lobby.WriteStateAsync();
        await ChangedAsync();
    }

    public Task Subscribe(IGrainEventObserver observer)
    {
        _events.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IGrainEventObserver observer)
    {
        _events.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    // Connections live in memory only: after a restart nobody counts as connected until their node renews them or
    // they join again, so the idle clock runs from the last time somebody was, which is stored.
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!IsOpen)
        {
            await ForgetReminderAsync();
            return;
        }

        await ForgetUnrenewedAsync();
        var idle = time.GetUtcNow() - State.LastConnectedAt;
        if (State.Status == LobbyStatus.Waiting && _connections.Count == 0 && idle >= lobbyOptions.Value.IdleTimeout) await CloseAsync();
    }

    private Task TellGameAsync(Guid userId, bool connected) =>
        State.Status == LobbyStatus.Playing && State.GameId is { } gameId
            ? GrainFactory.GetGrain<IGameGrain>(gameId).SetConnected(userId, connected)
            : Task.CompletedTask;

    private void Connect(Guid userId, string connectionId)
    {
        if (!_connections.TryGetValue(userId, out var connections)) _connections[userId] = connections = [];
        connections[connectionId] = time.GetUtcNow();
    }

    // Connections whose API node stopped renewing them (it died) are gone, as if they had closed.
    private async Task ForgetUnrenewedAsync()
    {
        var oldest = time.GetUtcNow() - eventOptions.Value.SubscriptionLifetime;
        foreach (var (userId, connections) in _connections.ToArray())
        {
            foreach (var (connectionId, _) in connections.Where(c => c.Value < oldest).ToArray()) await Disconnected(userId, connectionId);
        }
    }

    private async Task CloseAsync()
    {
        State.Closed = true;
        State.Status = LobbyStatus.Finished;
        await lobby.WriteStateAsync();
        await table.DeleteAsync(Code, State.Id);
        _events.Publish(EventNames.LobbyUpdated, View());
        await ForgetReminderAsync();
        DeactivateOnIdle();
    }

    private async Task ForgetReminderAsync()
    {
        if (await GetReminder(IdleReminder) is { } reminder) await UnregisterReminder(reminder);
    }

    private async Task<LobbyView> ChangedAsync()
    {
        var view = View();
        var host = State.Players.Find(p => p.UserId == State.HostId);
        await table.SaveAsync(view, host?.Username ?? "", time.GetUtcNow());
        _events.Publish(EventNames.LobbyUpdated, view);
        return view;
    }

    private void EnsureOpen()
    {
        if (IsOpen) return;
        DeactivateOnIdle();
        throw PlatformException.NotFound("There is no such lobby.");
    }

    private LobbyView View() => new(
        State.Id,
        Code,
        State.Name,
        State.HostId,
        State.Status,
        State.Settings,
        [.. State.Players.Select(p => new LobbyPlayer(p.UserId, p.Username, p.IsReady, p.UserId == State.HostId))],
        State.Status == LobbyStatus.Playing ? State.GameId : null);
}
