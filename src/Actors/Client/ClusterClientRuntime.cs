using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;
using Platform.Actors.Membership;
using Platform.Actors.Observers;
using Platform.Actors.Runtime;
using Platform.Actors.Transport;

namespace Platform.Actors.Client;

/// <summary>
/// The runtime of a process that is not a silo: it sends every call through one gateway (an active silo
/// from the membership table), hosts observers whose calls come back over that connection, and moves to
/// another gateway when its gateway goes away. Calls in flight on a lost gateway fail; later ones go
/// through the next gateway.
/// </summary>
internal sealed partial class ClusterClientRuntime : GrainReferenceRuntime, IMessageHandler, IAsyncDisposable
{
    private readonly IMembershipTable _table;
    private readonly ObserverRegistry _observers;
    private readonly ClusterClientOptions _options;
    private readonly ILogger<ClusterClientRuntime> _logger;
    private readonly MessageCenter _center;
    private readonly object _lock = new();
    private volatile Connection? _gateway;
    private Task<Connection>? _connecting;
    private volatile bool _disposed;

    public ClusterClientRuntime(
        IMembershipTable table,
        ObserverRegistry observers,
        IOptions<ClusterClientOptions> options,
        IOptions<MessagingOptions> messaging,
        TimeProvider time,
        ILogger<ClusterClientRuntime> logger)
        : base(time, messaging.Value.ResponseTimeout)
    {
        _table = table;
        _observers = observers;
        _options = options.Value;
        _logger = logger;
        observers.OwnerId = ClientId;
        var settings = new TransportSettings(
            _options.SendQueueCapacity, _options.ConnectTimeout, TimeSpan.Zero, _options.KeepAlivePeriod, _options.IdleConnectionTimeout);
        _center = new MessageCenter(ClientId, 0, this, new WireSerializer(this), settings, time, logger);
    }

    /// <summary>This client's id, unique per process start; its observers' ids carry it.</summary>
    public string ClientId { get; } = $"client-{Guid.NewGuid():N}";

    /// <summary>The silo this client sends through, while connected.</summary>
    public SiloAddress? Gateway => _gateway?.PeerSilo;

    /// <summary>Connects to a gateway, trying again until one answers or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await GetGatewayAsync().WaitAsync(cancellationToken);
                return;
            }
            catch (SiloUnavailableException exception)
            {
                LogNoGateway(exception.Message);
                await Task.Delay(_options.GatewayRetryPeriod, Time, cancellationToken);
            }
        }
    }

    internal override void Send(Message message)
    {
        if (message.Target.Type == ObserverRegistry.GrainType && ObserverRegistry.OwnerOf(message.Target) == ClientId)
        {
            _observers.Deliver(message);
            return;
        }

        if (_gateway is { IsOpen: true } gateway)
        {
            gateway.SendRequest(message, gateway.PeerSilo!.Generation);
            return;
        }

        _ = SendAfterConnectingAsync(message);
    }

    public void OnRequest(Connection connection, Message message)
    {
        if (message.Target.Type == ObserverRegistry.GrainType) _observers.Deliver(message);
        else Catalog.Fail(message, new NotSupportedException($"A cluster client hosts no grains; {message} was sent to the wrong place."));
    }

    public void OnUndelivered(Message message, SiloAddress? silo, string reason)
    {
        if (++message.Hops > 3 || _disposed)
        {
            Catalog.Fail(message, new SiloUnavailableException($"{message} could not be delivered through gateway {silo}: {reason}"));
            return;
        }

        Send(message);
    }

    public void OnClosed(Connection connection)
    {
        _center.Remove(connection);
        if (_disposed || connection != _gateway) return;
        _gateway = null;
        LogGatewayLost(connection.PeerId);
        // At once, not on the next call: the client's observers are reachable only through a gateway.
        _ = ReconnectQuietlyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await _center.DisposeAsync();
        StopTimeouts();
    }

    private async Task SendAfterConnectingAsync(Message message)
    {
        try
        {
            var gateway = await GetGatewayAsync();
            gateway.SendRequest(message, gateway.PeerSilo!.Generation);
        }
        catch (Exception exception)
        {
            Catalog.Fail(message, exception as SiloUnavailableException ?? new SiloUnavailableException($"No gateway for {message}: {exception.Message}", exception));
        }
    }

    // One connection attempt at a time, shared by every caller that needs it.
    private Task<Connection> GetGatewayAsync()
    {
        lock (_lock)
        {
            if (_gateway is { IsOpen: true } open) return Task.FromResult(open);
            if (_connecting is { IsCompleted: false } connecting) return connecting;
            return _connecting = ConnectToAnyGatewayAsync();
        }
    }

    private async Task<Connection> ConnectToAnyGatewayAsync()
    {
        var entries = await _table.ReadAllAsync(CancellationToken.None);
        var gateways = entries.Where(e => e.Status == SiloStatus.Active).Select(e => e.Silo).OrderBy(_ => Random.Shared.Next()).ToArray();
        foreach (var silo in gateways)
        {
            try
            {
                var connection = await _center.ConnectAsync(silo);
                _gateway = connection;
                LogConnected(silo);
                return connection;
            }
            catch (SiloUnavailableException exception)
            {
                LogGatewayUnreachable(silo, exception.Message);
            }
        }

        throw new SiloUnavailableException($"No gateway answered: {gateways.Length} active silos in the membership table.");
    }

    private async Task ReconnectQuietlyAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            await ConnectAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The next call tries again.
        }
    }

    [LoggerMessage(EventId = 800, Level = LogLevel.Information, Message = "Cluster client connected to gateway {Silo}")]
    private partial void LogConnected(SiloAddress silo);

    [LoggerMessage(EventId = 801, Level = LogLevel.Warning, Message = "Cluster client lost its gateway {Silo}; moving to another")]
    private partial void LogGatewayLost(string silo);

    [LoggerMessage(EventId = 802, Level = LogLevel.Debug, Message = "Gateway {Silo} did not answer: {Reason}")]
    private partial void LogGatewayUnreachable(SiloAddress silo, string reason);

    [LoggerMessage(EventId = 803, Level = LogLevel.Warning, Message = "No gateway answered ({Reason}); trying again")]
    private partial void LogNoGateway(string reason);
}
