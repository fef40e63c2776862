using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors.Directory;
using Platform.Actors.Hosting;
using Platform.Actors.Membership;
using Platform.Actors.Observers;
using Platform.Actors.Reminders;
using Platform.Actors.Runtime;
using Platform.Actors.Transport;

namespace Platform.Actors.Cluster;

/// <summary>
/// A silo's part in the cluster: routes each message to the silo holding its grain (a local activation
/// first, then a lookup cache, then the grain directory, then placement), registers this silo's
/// activations, hosts the transport, serves cluster clients as a gateway, and reacts to membership changes.
/// </summary>
internal sealed partial class ClusterRouter : IMessageHandler, IActivationDirectory, IAsyncDisposable
{
    public const string ClientGrainType = "sys.client";

    private readonly ConcurrentDictionary<GrainId, SiloAddress> _cache = new();
    private readonly ConcurrentDictionary<SiloAddress, bool> _suspected = new();
    private readonly ConcurrentDictionary<SiloAddress, bool> _cleanedUp = new();
    private readonly Catalog _catalog;
    private readonly ObserverRegistry _observers;
    private readonly SiloRuntime _runtime;
    private readonly MembershipAgent _membership;
    private readonly IGrainDirectory _directory;
    private readonly SharedDirectoryLookups _lookups;
    private readonly ReminderService _reminders;
    private readonly SiloLifecycle _lifecycle;
    private readonly ClusterOptions _options;
    private readonly SiloOptions _silo;
    private readonly ILogger<ClusterRouter> _logger;

    public ClusterRouter(
        Catalog catalog,
        ObserverRegistry observers,
        SiloRuntime runtime,
        MembershipAgent membership,
        IGrainDirectory directory,
        ReminderService reminders,
        SiloLifecycle lifecycle,
        IOptions<ClusterOptions> options,
        IOptions<SiloOptions> silo,
        TimeProvider time,
        ILogger<ClusterRouter> logger)
    {
        _catalog = catalog;
        _observers = observers;
        _runtime = runtime;
        _membership = membership;
        _directory = directory;
        _lookups = new SharedDirectoryLookups(directory);
        _reminders = reminders;
        _lifecycle = lifecycle;
        _options = options.Value;
        _silo = silo.Value;
        _logger = logger;
        Self = membership.Address;
        var settings = new TransportSettings(
            _options.SendQueueCapacity, _options.ConnectTimeout, _options.ReconnectDelay, _options.KeepAlivePeriod, _options.IdleConnectionTimeout);
        MessageCenter = new MessageCenter(Self.ToString(), Self.Generation, this, new WireSerializer(runtime), settings, time, logger)
        {
            ClientConnected = OnClientConnected,
        };
    }

    public SiloAddress Self { get; }

    public MessageCenter MessageCenter { get; }

    /// <summary>Takes over routing for the silo and starts listening; before joining, so peers can reach it once it is active.</summary>
    public void Start()
    {
        _observers.OwnerId = Self.ToString();
        _catalog.Directory = this;
        _reminders.Owns = Owns;
        _runtime.Router = this;
        _membership.ViewChanged += OnViewChanged;
        MessageCenter.Listen(_silo.Host, _silo.Port);
    }

    public void Route(Message message)
    {
        var target = message.Target;
        if (target.Type == ObserverRegistry.GrainType)
        {
            RouteToObserver(message);
            return;
        }

        // The hot path: the grain is here, or the cache knows where it is.
        if (_catalog.TryGetActivation(target, out var activation))
        {
            _catalog.Deliver(message, activation);
            return;
        }

        if (_cache.TryGetValue(target, out var owner))
        {
            SendTo(owner, message);
            return;
        }

        // Placed here: the activation registers itself (one round trip, as a lookup would be) and forwards
        // what it holds to the directory's winner if the grain lives elsewhere already.
        if (_lifecycle.IsActive && Place() == Self)
        {
            _catalog.Deliver(message);
            return;
        }

        _ = ResolveAndSendAsync(message);
    }

    public async Task<SiloAddress?> RegisterAsync(GrainId grainId)
    {
        var owner = await _directory.RegisterAsync(grainId, Self, _membership.IsDead, CancellationToken.None);
        if (owner == Self) return null;
        _cache[grainId] = owner;
        return owner;
    }

    public async Task UnregisterAsync(GrainId grainId)
    {
        _cache.TryRemove(KeyValuePair.Create(grainId, Self));
        await _directory.UnregisterAsync(grainId, Self, CancellationToken.None);
    }

    public void Forward(Message message, SiloAddress? silo)
    {
        if (++message.Hops > _options.MaxForwardCount)
        {
            Catalog.Fail(message, new SiloUnavailableException($"{message} was forwarded {_options.MaxForwardCount} times without reaching its grain."));
            return;
        }

        if (silo is not null)
        {
            _cache[message.Target] = silo;
            SendTo(silo, message);
            return;
        }

        _cache.TryRemove(message.Target, out _);
        _ = ResolveAndSendAsync(message);
    }

    public void OnRequest(Connection connection, Message message)
    {
        if (message.Target.Type == ObserverRegistry.GrainType) RouteToObserver(message);
        // A client does not know where grains live; a silo sent the message here on purpose.
        else if (connection.PeerSilo is null) Route(message);
        else _catalog.Deliver(message);
    }

    public void OnUndelivered(Message message, SiloAddress? silo, string reason)
    {
        if (silo is not null)
        {
            _suspected[silo] = true;
            _cache.TryRemove(KeyValuePair.Create(message.Target, silo));
        }

        if (message.Target.Type == ObserverRegistry.GrainType || message.Hops + 1 > _options.MaxForwardCount)
        {
            Catalog.Fail(message, new SiloUnavailableException($"{message} could not be delivered to {silo}: {reason}"));
            return;
        }

        Forward(message, null);
    }

    public void OnClosed(Connection connection)
    {
        MessageCenter.Remove(connection);
        if (connection.PeerSilo is null) _ = UnregisterClientAsync(connection.PeerId);
    }

    /// <summary>Whether this silo fires a grain's reminders: each grain's belong to one active silo, by hash.</summary>
    public bool Owns(GrainId grainId)
    {
        var active = _membership.ActiveSilos;
        if (active.Count == 0) return true;
        var sorted = active.OrderBy(s => s.Host, StringComparer.Ordinal).ThenBy(s => s.Port).ThenBy(s => s.Generation).ToArray();
        return sorted[(int)(StableHash(grainId) % (uint)sorted.Length)] == Self;
    }

    /// <summary>Cuts every connection at once, as a crash would (for tests that kill a silo).</summary>
    public void Abort()
    {
        _membership.ViewChanged -= OnViewChanged;
        MessageCenter.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        _membership.ViewChanged -= OnViewChanged;
        await MessageCenter.DisposeAsync();
    }

    private void SendTo(SiloAddress silo, Message message)
    {
        if (silo == Self) _catalog.Deliver(message);
        else MessageCenter.Send(silo, message);
    }

    private async Task ResolveAndSendAsync(Message message)
    {
        var target = message.Target;
        try
        {
            var owner = await _lookups.LookupAsync(target);
            if (owner == Self && !_lifecycle.IsActive && !_catalog.TryGetActivation(target, out _))
            {
                // Left behind by an activation that ended while this silo shuts down: free it for a survivor.
                await _directory.UnregisterAsync(target, Self, CancellationToken.None);
                owner = null;
            }

            if (owner is not null && !_membership.IsDead(owner))
            {
                _cache[target] = owner;
                SendTo(owner, message);
                return;
            }

            if (Place() is { } placed) SendTo(placed, message);
            else Catalog.Fail(message, new SiloUnavailableException($"No active silo can take {message}."));
        }
        catch (Exception exception)
        {
            LogRoutingFailed(message, exception);
            Catalog.Fail(message, exception);
        }
    }

    private SiloAddress? Place()
    {
        var active = _membership.ActiveSilos.Where(s => s != Self || _lifecycle.IsActive).ToArray();
        var trusted = active.Where(s => !_suspected.ContainsKey(s)).ToArray();
        if (trusted.Length > 0) active = trusted;
        if (active.Length == 0) return null;
        if (_options.Placement == PlacementStrategy.PreferLocal && active.Contains(Self)) return Self;
        return active[Random.Shared.Next(active.Length)];
    }

    private void RouteToObserver(Message message)
    {
        var owner = ObserverRegistry.OwnerOf(message.Target);
        if (owner is null || owner == _observers.OwnerId) _observers.Deliver(message);
        else if (SiloAddress.TryParse(owner, out var silo)) MessageCenter.Send(silo, message);
        else if (MessageCenter.Clients.TryGetValue(owner, out var client)) client.SendRequest(message, 0);
        else _ = RouteToClientAsync(message, owner);
    }

    // A client's observers are reached through the gateway it is connected to, which the directory names.
    private async Task RouteToClientAsync(Message message, string clientId)
    {
        try
        {
            var gateway = await _lookups.LookupAsync(new GrainId(ClientGrainType, clientId));
            if (gateway is null || gateway == Self || _membership.IsDead(gateway))
            {
                Catalog.Fail(message, new SiloUnavailableException($"Client {clientId} is not connected to the cluster; {message} was not delivered."));
                return;
            }

            MessageCenter.Send(gateway, message);
        }
        catch (Exception exception)
        {
            Catalog.Fail(message, exception);
        }
    }

    private void OnClientConnected(Connection connection) => _ = RegisterClientAsync(connection.PeerId);

    private async Task RegisterClientAsync(string clientId)
    {
        try
        {
            await _directory.SetAsync(new GrainId(ClientGrainType, clientId), Self, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogClientRegistrationFailed(clientId, exception);
        }
    }

    private async Task UnregisterClientAsync(string clientId)
    {
        try
        {
            await _directory.UnregisterAsync(new GrainId(ClientGrainType, clientId), Self, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogClientRegistrationFailed(clientId, exception);
        }
    }

    private void OnViewChanged()
    {
        var active = _membership.ActiveSilos.ToHashSet();
        foreach (var (grainId, owner) in _cache)
        {
            if (!active.Contains(owner)) _cache.TryRemove(KeyValuePair.Create(grainId, owner));
        }

        _suspected.Clear();
        foreach (var silo in _cache.Values.Concat(MessageCenter.ConnectedSilos).Distinct().Where(_membership.IsDead).ToArray())
        {
            // Calls waiting on a silo declared dead fail now, not at their timeout.
            MessageCenter.Disconnect(silo);
            if (_cleanedUp.TryAdd(silo, true)) _ = UnregisterSiloAsync(silo);
        }

        _ = _reminders.RefreshNowAsync();
    }

    private async Task UnregisterSiloAsync(SiloAddress silo)
    {
        try
        {
            await _directory.UnregisterSiloAsync(silo, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogCleanupFailed(silo, exception);
        }
    }

    // FNV-1a over the id: the same on every silo (string.GetHashCode is randomised per process).
    private static uint StableHash(GrainId grainId)
    {
        var hash = 2166136261u;
        foreach (var c in grainId.Type) hash = (hash ^ c) * 16777619u;
        hash = (hash ^ '/') * 16777619u;
        foreach (var c in grainId.Key) hash = (hash ^ c) * 16777619u;
        return hash;
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Routing {Message} failed")]
    private partial void LogRoutingFailed(Message message, Exception exception);

    [LoggerMessage(EventId = 701, Level = LogLevel.Warning, Message = "Recording the gateway of client {ClientId} failed")]
    private partial void LogClientRegistrationFailed(string clientId, Exception exception);

    [LoggerMessage(EventId = 702, Level = LogLevel.Warning, Message = "Removing the directory entries of dead silo {Silo} failed; they are taken over one by one")]
    private partial void LogCleanupFailed(SiloAddress silo, Exception exception);
}
