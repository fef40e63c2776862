using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Baseline for the cross-silo call: counters behind a loopback TCP connection, called with <see cref="PlainFrameConnection"/>.
/// The server adds on its read loop; the caller's task completes from the client's read loop, its continuation on the
/// thread pool (as a grain call's does).
/// </summary>
internal sealed class PlainRemoteAdder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<long, TaskCompletionSource<int>> _pending = new();
    private readonly int[] _counters;
    private PlainFrameConnection? _server;
    private PlainFrameConnection? _client;
    private long _nextId;

    private PlainRemoteAdder(int targets) => _counters = new int[targets];

    public static async Task<PlainRemoteAdder> StartAsync(int targets)
    {
        var adder = new PlainRemoteAdder(targets);
        adder._listener.Start();
        var accepting = adder._listener.AcceptSocketAsync();
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync((IPEndPoint)adder._listener.LocalEndpoint);
        adder._server = new PlainFrameConnection(await accepting, adder.OnRequest);
        adder._client = new PlainFrameConnection(socket, adder.OnAnswer);
        return adder;
    }

    public Task<int> Add(int target, int amount)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        _client!.Send(new PlainFrame(id, target, amount));
        return answer.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _client!.DisposeAsync();
        await _server!.DisposeAsync();
        _listener.Stop();
    }

    // Only the server's read loop adds: one thread, so no lock.
    private void OnRequest(PlainFrameConnection connection, PlainFrame frame) =>
        connection.Send(frame with { Second = _counters[frame.First] += frame.Second });

    private void OnAnswer(PlainFrameConnection connection, PlainFrame frame)
    {
        if (_pending.TryRemove(frame.Id, out var answer)) answer.TrySetResult(frame.Second);
    }
}
