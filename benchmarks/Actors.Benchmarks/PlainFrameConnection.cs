using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Baseline for the cross-silo call: the plainest multiplexed connection, with nothing of the runtime. Fixed-size
/// frames instead of serialized messages; a queue and one writer loop that writes what is waiting in one socket
/// write (as the transport does, since a write per frame costs several times more); one reader loop that hands each
/// frame to a callback on its own thread.
/// </summary>
internal sealed class PlainFrameConnection : IAsyncDisposable
{
    private readonly NetworkStream _stream;
    private readonly Channel<PlainFrame> _queue = Channel.CreateUnbounded<PlainFrame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<PlainFrameConnection, PlainFrame> _onFrame;
    private readonly Task _writing;
    private readonly Task _reading;

    public PlainFrameConnection(Socket socket, Action<PlainFrameConnection, PlainFrame> onFrame)
    {
        socket.NoDelay = true;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _onFrame = onFrame;
        _writing = Task.Run(WriteLoopAsync);
        _reading = Task.Run(ReadLoopAsync);
    }

    public void Send(PlainFrame frame) => _queue.Writer.TryWrite(frame);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writing;
        try
        {
            _stream.Socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The peer went first.
        }

        await _reading;
        await _stream.DisposeAsync();
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new byte[256 * 1024];
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            var length = 0;
            while (length + PlainFrame.Length <= buffer.Length && reader.TryRead(out var frame))
            {
                var span = buffer.AsSpan(length, PlainFrame.Length);
                BinaryPrimitives.WriteInt64LittleEndian(span, frame.Id);
                BinaryPrimitives.WriteInt32LittleEndian(span[8..], frame.First);
                BinaryPrimitives.WriteInt32LittleEndian(span[12..], frame.Second);
                length += PlainFrame.Length;
            }

            await _stream.WriteAsync(buffer.AsMemory(0, length));
        }
    }

    private async Task ReadLoopAsync()
    {
        var input = PipeReader.Create(_stream, new StreamPipeReaderOptions(minimumReadSize: 64 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await input.ReadAsync();
                var buffer = result.Buffer;
                while (buffer.Length >= PlainFrame.Length)
                {
                    _onFrame(this, Parse(buffer.Slice(0, PlainFrame.Length)));
                    buffer = buffer.Slice(PlainFrame.Length);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted) break;
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException)
        {
            // Closed under the reader at the end of the run.
        }
        finally
        {
            await input.CompleteAsync();
        }
    }

    private static PlainFrame Parse(ReadOnlySequence<byte> frame)
    {
        Span<byte> bytes = stackalloc byte[PlainFrame.Length];
        frame.CopyTo(bytes);
        return new PlainFrame(
            BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]));
    }
}
