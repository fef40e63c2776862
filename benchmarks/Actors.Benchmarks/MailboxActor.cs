using System.Threading.Channels;

namespace Platform.Actors.Benchmarks;

/// <summary>
/// Baseline: the least an actor can be: a channel as its mailbox, one loop reading it, and a
/// TaskCompletionSource per call. No routing, no activation, no copying, no timeouts.
/// </summary>
public sealed class MailboxActor : IAdder, IDisposable
{
    private readonly Channel<(int Amount, TaskCompletionSource<int> Reply)> _mailbox =
        Channel.CreateUnbounded<(int, TaskCompletionSource<int>)>(new UnboundedChannelOptions { SingleReader = true });

    private int _sum;

    public MailboxActor() => _ = Task.Run(LoopAsync);

    public Task<int> Add(int amount)
    {
        // Continuations run off the actor's loop, as a well-behaved actor's must.
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _mailbox.Writer.TryWrite((amount, reply));
        return reply.Task;
    }

    public void Dispose() => _mailbox.Writer.TryComplete();

    private async Task LoopAsync()
    {
        await foreach (var (amount, reply) in _mailbox.Reader.ReadAllAsync())
        {
            reply.SetResult(_sum += amount);
        }
    }
}
