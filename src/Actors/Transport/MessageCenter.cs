using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Platform.Actors.Membership;
using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>
/// A process's TCP endpoints: the listener (silos), and one connection per peer, made on first use or
/// taken from the peer when it connected first. Connections to silos are keyed by address and
/// generation; a connection meant for one generation is refused by any other.
/// </summary>
internal sealed partial class MessageCenter : IAsyncDisposable
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(5);

    // The keep-alive's resolution too: pings and idle closes happen on these ticks.
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<SiloAddress, Connection> _silos = new();
    private readonly ConcurrentDictionary<SiloAddress, Task<Connection>> _connecting = new();
    private readonly ConcurrentDictionary<string, Connection> _clients = new();

    // Every open connection, also those a peer opened while this side had one to it already.
    private readonly ConcurrentDictionary<Connection, bool> _all = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _sweeper;
    private readonly ILogger _logger;
    private Socket? _listener;

    public MessageCenter(string localId, long localGeneration, IMessageHandler handler, WireSerializer serializer, TransportSettings settings, TimeProvider time, ILogger logger)
    {
        LocalId = localId;
        LocalGeneration = localGeneration;
        Handler = handler;
        Serializer = serializer;
        Settings = settings;
        Time = time;
        _logger = logger;
        _sweeper = TimeProvider.System.CreateTimer(static self => ((MessageCenter)self!).Tick(), this, TickPeriod, TickPeriod);
    }

    public string LocalId { get; }

    public long LocalGeneration { get; }

    private IMessageHandler Handler { get; }

    private WireSerializer Serializer { get; }

    private TransportSettings Settings { get; }

    private TimeProvider Time { get; }


    /// <summary>Silos this process has a connection to.</summary>
    public IEnumerable<SiloAddress> ConnectedSilos => _all.Keys.Select(c => c.PeerSilo).OfType<SiloAddress>();

    /// <summary>Connected cluster clients, by id (on a gateway silo).</summary>
    public IReadOnlyDictionary<string, Connection> Clients => _clients;

    /// <summary>Invoked when a cluster client connects (on a gateway silo).</summary>
    public Action<Connection>? ClientConnected { get; set; }

    public void Listen(string host, int port)
    {
        var endpoint = new IPEndPoint(IPAddress.Parse(host), port);
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(endpoint);
        listener.Listen(512);
        _listener = listener;
        _ = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Sends a request to a silo; never throws. What cannot be delivered goes back to the handler.</summary>
    public void Send(SiloAddress silo, Message message)
    {
        if (_silos.TryGetValue(silo, out var connection) && connection.IsOpen)
        {
            connection.SendRequest(message, silo.Generation);
            return;
        }

        _ = SendAfterConnectingAsync(silo, message);
    }

    /// <summary>Closes the connection to a silo, failing the calls waiting on it (the silo was declared dead).</summary>
    public void Disconnect(SiloAddress silo)
    {
        foreach (var connection in _all.Keys.Where(c => c.PeerSilo == silo)) connection.Close($"{silo} was declared dead");
    }

    /// <summary>
    /// Waits (up to <paramref name="timeout"/>) until no call this process sent waits for its answer, every
    /// request that came in is answered, and none has come in for <paramref name="quiet"/>: peers have
    /// stopped sending here. Then refuses what silos still send until each has said it will send no more.
    /// </summary>
    public async Task DrainAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var until = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (Environment.TickCount64 < until)
        {
            var open = _all.Keys.Where(c => c.IsOpen).ToArray();
            var lastRequest = open.Length == 0 ? 0 : open.Max(c => c.LastRequestAt);
            if (open.All(c => c.PendingCount == 0 && c.IncomingCount == 0) && Environment.TickCount64 - lastRequest >= quiet.TotalMilliseconds) break;
            await Task.Delay(10);
        }

        // A peer whose view is late may still send here. What it sends from now on goes back unrun and is routed
        // elsewhere, and each peer says when it will send no more, so that nothing it sent is lost with its answer
        // when the connections close. (Cluster clients keep their gateway until it closes: they move then.)
        var peers = _all.Keys.Where(c => c.PeerSilo is not null && c.IsOpen).ToArray();
        var wait = TimeSpan.FromMilliseconds(Math.Max(until - Environment.TickCount64, 1000));
        await Task.WhenAll(peers.Select(connection => connection.SayGoodbyeAsync(wait)));
    }

    /// <summary>Cuts every connection at once, with resets, as if the process died.</summary>
    public void Abort()
    {
        _stopping.Cancel();
        _listener?.Close();
        foreach (var connection in _all.Keys) connection.Close("aborted", abort: true);
    }

    public async ValueTask DisposeAsync()
    {
        _sweeper.Dispose();
        _stopping.Cancel();
        _listener?.Close();
        await Task.WhenAll(_all.Keys.Select(c => c.CloseGracefullyAsync("shutting down", TimeSpan.FromSeconds(2))));
    }

    /// <summary>Connects to a silo (or to a gateway, for a client), handshaking with the generation meant.</summary>
    public Task<Connection> ConnectAsync(SiloAddress silo)
    {
        while (true)
        {
            if (_silos.TryGetValue(silo, out var open) && open.IsOpen) return Task.FromResult(open);
            var connecting = _connecting.GetOrAdd(silo, ConnectNewAsync);
            if (!connecting.IsCompleted || connecting.IsCompletedSuccessfully && connecting.Result.IsOpen) return connecting;
            _connecting.TryRemove(KeyValuePair.Create(silo, connecting));
            if (connecting.IsFaulted) return connecting;
        }
    }

    private async Task SendAfterConnectingAsync(SiloAddress silo, Message message)
    {
        Connection connection;
        try
        {
            connection = await ConnectAsync(silo);
        }
        catch (Exception exception)
        {
            Handler.OnUndelivered(message, silo, exception.Message);
            return;
        }

        connection.SendRequest(message, silo.Generation);
    }

    private async Task<Connection> ConnectNewAsync(SiloAddress silo)
    {
        try
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                timeout.CancelAfter(Settings.ConnectTimeout);
                await socket.ConnectAsync(IPAddress.Parse(silo.Host), silo.Port, timeout.Token);
                await WriteHandshakeAsync(socket, new HandshakeFrame(FrameKind.Hello, LocalId, silo.Generation), timeout.Token);
                var (kind, text, _, version) = await ReadHandshakeAsync(socket, timeout.Token);
                if (kind != FrameKind.HelloOk) throw new SiloUnavailableException($"{silo} refused the connection: {text}");
                if (version != HandshakeFrame.ProtocolVersion)
                {
                    throw new SiloUnavailableException(
                        $"{silo} speaks protocol version {version}, and this process {HandshakeFrame.ProtocolVersion}: they cannot talk.");
                }
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or IOException)
            {
                socket.Dispose();
                throw new SiloUnavailableException($"{silo} cannot be reached: {exception.Message}", exception);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            var connection = new Connection(socket, silo.ToString(), silo, 0, Handler, Serializer, Settings.SendQueueCapacity, Time, _logger);
            _silos[silo] = connection;
            _all[connection] = true;
            connection.Start();
            return connection;
        }
        finally
        {
            // A failure is remembered only while callers pile onto it; the next send tries again.
            _ = Task.Delay(Settings.ReconnectDelay).ContinueWith(_ => _connecting.TryRemove(silo, out Task<Connection>? _), TaskScheduler.Default);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            socket.NoDelay = true;
            _ = Task.Run(() => AcceptAsync(socket));
        }
    }

    private async Task AcceptAsync(Socket socket)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            timeout.CancelAfter(HandshakeTimeout);
            var (kind, peerId, generation, version) = await ReadHandshakeAsync(socket, timeout.Token);
            if (kind != FrameKind.Hello) throw new InvalidDataException("The first frame was not a hello.");
            var refusal = version != HandshakeFrame.ProtocolVersion
                ? $"this process speaks protocol version {HandshakeFrame.ProtocolVersion}, not {version}"
                : generation != 0 && generation != LocalGeneration ? $"this is generation {LocalGeneration}, not {generation}" : null;
            if (refusal is not null)
            {
                if (version != HandshakeFrame.ProtocolVersion) LogProtocolMismatch(peerId, version, HandshakeFrame.ProtocolVersion);
                await WriteHandshakeAsync(socket, new HandshakeFrame(FrameKind.HelloRefused, refusal), timeout.Token);
                socket.Dispose();
                return;
            }

            await WriteHandshakeAsync(socket, new HandshakeFrame(FrameKind.HelloOk, LocalId), timeout.Token);
            var peerSilo = SiloAddress.TryParse(peerId, out var silo) ? silo : null;
            var connection = new Connection(socket, peerId, peerSilo, LocalGeneration, Handler, Serializer, Settings.SendQueueCapacity, Time, _logger);
            if (peerSilo is not null) _silos.TryAdd(peerSilo, connection);
            else _clients[peerId] = connection;
            _all[connection] = true;
            connection.Start();
            if (peerSilo is null) ClientConnected?.Invoke(connection);
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException or InvalidDataException or ObjectDisposedException)
        {
            LogHandshakeFailed(exception.Message);
            socket.Dispose();
        }
    }

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(Connection connection)
    {
        _all.TryRemove(connection, out _);
        if (connection.PeerSilo is { } silo) _silos.TryRemove(KeyValuePair.Create(silo, connection));
        else _clients.TryRemove(KeyValuePair.Create(connection.PeerId, connection));
    }

    private void Tick()
    {
        var now = Time.GetTimestamp();
        var ticks = Environment.TickCount64;
        foreach (var connection in _all.Keys)
        {
            connection.SweepExpired(now);
            connection.KeepAlive(ticks, Settings.KeepAlivePeriod, Settings.IdleConnectionTimeout);
        }
    }

    private async Task WriteHandshakeAsync(Socket socket, HandshakeFrame frame, CancellationToken cancellationToken)
    {
        var buffer = new FrameBuffer();
        buffer.WriteInt32(0);
        buffer.WriteByte((byte)frame.Kind);
        frame.WriteBody(buffer, Serializer);
        buffer.PatchInt32(0, buffer.Length - 4);
        await socket.SendAsync(buffer.WrittenMemory, SocketFlags.None, cancellationToken);
    }

    internal static async Task<(FrameKind Kind, string Text, long Generation, int Version)> ReadHandshakeAsync(Socket socket, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await ReceiveExactlyAsync(socket, header, cancellationToken);
        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length is <= 0 or > 64 * 1024) throw new InvalidDataException($"A handshake of {length} bytes is not valid.");
        var body = new byte[length];
        await ReceiveExactlyAsync(socket, body, cancellationToken);
        return Parse(body);
    }

    // Builds before the version was sent spoke version 1.
    private static (FrameKind Kind, string Text, long Generation, int Version) Parse(byte[] body)
    {
        var reader = new WireReader(body.AsSpan(1));
        var (text, generation) = (reader.ReadString(), reader.ReadInt64());
        return ((FrameKind)body[0], text, generation, reader.Remaining.Length >= 4 ? reader.ReadInt32() : 1);
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (buffer.Length > 0)
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0) throw new IOException("The peer closed the connection during the handshake.");
            buffer = buffer[read..];
        }
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Debug, Message = "An incoming connection failed its handshake: {Reason}")]
    private partial void LogHandshakeFailed(string reason);

    [LoggerMessage(EventId = 611, Level = LogLevel.Warning,
        Message = "{Peer} speaks protocol version {PeerVersion} and this process {Version}: its connection was refused")]
    private partial void LogProtocolMismatch(string peer, int peerVersion, int version);
}
