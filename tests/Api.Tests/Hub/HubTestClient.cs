using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Platform.Api.Tests.Hub;

/// <summary>
/// A SignalR client just big enough for tests, over the JSON hub protocol on a plain WebSocket: records are JSON
/// separated by 0x1E; 1 is an invocation (a hub event to us), 3 a completion (<c>result</c> or <c>error</c>),
/// 6 a ping, 7 a close. It connects straight to the hub's WebSocket (no negotiate), as SignalR clients may.
/// </summary>
public sealed class HubTestClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private int _disposed;

    private const byte RecordSeparator = 0x1E;
    private static readonly TimeSpan PingPeriod = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _invocations = new();
    private readonly TaskCompletionSource<string?> _handshake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<HubEvent> _events = [];
    private TaskCompletionSource _eventArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private Task _pinging = Task.CompletedTask;
    private int _nextInvocationId;

    private HubTestClient(ClientWebSocket socket) => _socket = socket;

    /// <summary>Every event received so far, in order; pass it as <c>after</c> to wait only for later ones.</summary>
    public int EventCount
    {
        get
        {
            lock (_events) return _events.Count;
        }
    }

    public bool IsClosed => _closed.Task.IsCompleted;

    /// <summary>Connects and shakes hands; a refused connection throws <see cref="HubConnectionRefusedException"/>.</summary>
    public static async Task<HubTestClient> ConnectAsync(Uri baseAddress, string? accessToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(baseAddress)
        {
            Scheme = baseAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = "/hubs/platform",
            Query = accessToken is null ? "" : $"access_token={Uri.EscapeDataString(accessToken)}",
        }.Uri;

        using (var timeout = new CancellationTokenSource(DefaultTimeout))
        {
            try
            {
                await socket.ConnectAsync(uri, timeout.Token);
            }
            catch (WebSocketException exception)
            {
                var status = socket.HttpStatusCode;
                socket.Dispose();
                throw new HubConnectionRefusedException(status, exception);
            }
        }

        var client = new HubTestClient(socket);
        client._receiving = Task.Run(client.ReceiveAsync);
        await client.SendAsync("""{"protocol":"json","version":1}""");
        var error = await client._handshake.Task.WaitAsync(DefaultTimeout);
        if (error is not null)
        {
            await client.DisposeAsync();
            throw new HubConnectionRefusedException(HttpStatusCode.SwitchingProtocols, new InvalidOperationException(error));
        }

        client._pinging = Task.Run(client.PingAsync);
        return client;
    }

    /// <summary>Calls a hub method; returns its result (undefined for none), or throws <see cref="HubInvocationException"/>.</summary>
    public async Task<JsonElement> InvokeAsync(string method, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _invocations[id] = completion;
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target = method, arguments }));
        try
        {
            return await completion.Task.WaitAsync(DefaultTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{method} did not complete within {DefaultTimeout.TotalSeconds}s.");
        }
        finally
        {
            _invocations.TryRemove(id, out _);
        }
    }

    /// <summary>Calls a hub method that must fail, and returns the error's text.</summary>
    public async Task<string> InvokeExpectingErrorAsync(string method, params object?[] arguments)
    {
        var error = await Assert.ThrowsAsync<HubInvocationException>(() => InvokeAsync(method, arguments));
        return error.Message;
    }

    /// <summary>
    /// The argument of the first event <paramref name="name"/> after the first <paramref name="after"/> events that
    /// <paramref name="match"/> accepts, waiting for it up to <paramref name="timeout"/>.
    /// </summary>
    public async Task<JsonElement> WaitForEventAsync(string name, Func<JsonElement, bool>? match = null, int after = 0, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? DefaultTimeout);
        while (true)
        {
            Task arrived;
            lock (_events)
            {
                for (var i = after; i < _events.Count; i++)
                {
                    if (_events[i].Name == name && (match is null || match(_events[i].Argument))) return _events[i].Argument;
                }

                arrived = _eventArrived.Task;
            }

            if (_closed.Task.IsCompleted) throw new InvalidOperationException($"The connection closed without a matching '{name}' event. {Received()}");
            try
            {
                await Task.WhenAny(arrived, _closed.Task).WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No matching '{name}' event within {(timeout ?? DefaultTimeout).TotalSeconds}s. {Received()}");
            }
        }
    }

    /// <summary>Whether an event <paramref name="name"/> matching <paramref name="match"/> came after the first <paramref name="after"/>.</summary>
    public bool HasEvent(string name, Func<JsonElement, bool>? match = null, int after = 0)
    {
        lock (_events) return _events.Where((_, index) => index >= after).Any(e => e.Name == name && (match is null || match(e.Argument)));
    }

    /// <summary>The arguments of the events <paramref name="name"/> after the first <paramref name="after"/>, in the order they came.</summary>
    public IReadOnlyList<JsonElement> EventsNamed(string name, int after = 0)
    {
        lock (_events) return [.. _events.Where((_, index) => index >= after).Where(e => e.Name == name).Select(e => e.Argument)];
    }

    /// <summary>Waits until the server closes the connection; returns the close message's error, if it sent one.</summary>
    public async Task<string?> WaitForCloseAsync(TimeSpan? timeout = null) => await _closed.Task.WaitAsync(timeout ?? DefaultTimeout);

    public async ValueTask DisposeAsync()
    {
        // A test may drop a connection on purpose and still have it disposed again at the end.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        if (!_closed.Task.IsCompleted && _socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
                await _closed.Task.WaitAsync(timeout.Token);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or TimeoutException)
            {
                // The server went away first; nothing to say goodbye to.
            }
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_receiving, _pinging);
        _socket.Dispose();
        _stopping.Dispose();
        _sending.Dispose();
    }

    private async Task SendAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + (char)RecordSeparator);
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task PingAsync()
    {
        using var timer = new PeriodicTimer(PingPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token) && !_closed.Task.IsCompleted)
            {
                await SendAsync("""{"type":6}""");
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closed or closing.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        var pending = new MemoryStream();
        string? closeError = null;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, _stopping.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                pending.Write(buffer, 0, received.Count);
                closeError = ReadRecords(pending) ?? closeError;
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server dropped the connection, or we are disposing.
        }
        finally
        {
            _handshake.TrySetResult("The connection closed during the handshake.");
            foreach (var invocation in _invocations.Values) invocation.TrySetException(new InvalidOperationException("The connection closed."));
            _closed.TrySetResult(closeError);
            lock (_events) _eventArrived.TrySetResult();
        }
    }

    // Handles each whole record in the buffer and keeps the rest; returns the error of a close message, if one came.
    private string? ReadRecords(MemoryStream pending)
    {
        var data = pending.GetBuffer().AsSpan(0, (int)pending.Length);
        string? closeError = null;
        int end;
        while ((end = data.IndexOf(RecordSeparator)) >= 0)
        {
            closeError = Handle(data[..end]) ?? closeError;
            data = data[(end + 1)..];
        }

        var rest = data.ToArray();
        pending.SetLength(0);
        pending.Write(rest);
        return closeError;
    }

    private string? Handle(ReadOnlySpan<byte> record)
    {
        using var document = JsonDocument.Parse(record.ToArray());
        var message = document.RootElement;
        if (!_handshake.Task.IsCompleted)
        {
            _handshake.TrySetResult(message.TryGetProperty("error", out var refused) ? refused.GetString() : null);
            return null;
        }

        switch (message.GetProperty("type").GetInt32())
        {
            case 1:
                var arguments = message.GetProperty("arguments");
                var argument = arguments.GetArrayLength() > 0 ? arguments[0].Clone() : default;
                TaskCompletionSource arrived;
                lock (_events)
                {
                    _events.Add(new HubEvent(message.GetProperty("target").GetString()!, argument));
                    arrived = _eventArrived;
                    _eventArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }

                arrived.TrySetResult();
                return null;
            case 3:
                var id = message.GetProperty("invocationId").GetString()!;
                if (!_invocations.TryGetValue(id, out var invocation)) return null;
                if (message.TryGetProperty("error", out var error)) invocation.TrySetException(new HubInvocationException(error.GetString() ?? ""));
                else invocation.TrySetResult(message.TryGetProperty("result", out var result) ? result.Clone() : default);
                return null;
            case 7:
                return message.TryGetProperty("error", out var closeError) ? closeError.GetString() ?? "" : "";
            default:
                return null; // pings, and what tests do not need
        }
    }

    private string Received()
    {
        lock (_events) return $"Received: {string.Join(", ", _events.Select(e => $"{e.Name} {e.Argument}"))}.";
    }

    private sealed record HubEvent(string Name, JsonElement Argument);
}
