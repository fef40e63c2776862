namespace Platform.Actors.Runtime;

/// <summary>
/// Runs one activation's work one item at a time, on the thread pool. It is the synchronization context
/// of the grain's code, so every continuation after an <c>await</c> comes back here: grain code never runs
/// on two threads at once, and requests interleave only at await points, and only when allowed.
/// </summary>
internal sealed class ActivationWorkQueue(Action<Exception> onUnhandled) : SynchronizationContext, IThreadPoolWorkItem
{
    // Enough to amortise the hop to the pool, few enough that one busy activation cannot hold a thread for long.
    private const int ItemsPerTurn = 64;

    private readonly Queue<(SendOrPostCallback Callback, object? State)> _items = new();
    private bool _scheduled;
    private volatile Message? _soleRequest;

    /// <summary>The request that started when no other was running, while it runs (see <see cref="RequestScope"/>).</summary>
    public Message? SoleRequest
    {
        get => _soleRequest;
        set => _soleRequest = value;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_items)
        {
            _items.Enqueue((d, state));
            if (_scheduled) return;
            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public override void Send(SendOrPostCallback d, object? state) =>
        throw new NotSupportedException("Grain code cannot block on its own activation: await instead.");

    public override SynchronizationContext CreateCopy() => this;

    void IThreadPoolWorkItem.Execute()
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            for (var done = 0; done < ItemsPerTurn; done++)
            {
                (SendOrPostCallback Callback, object? State) item;
                lock (_items)
                {
                    if (!_items.TryDequeue(out item))
                    {
                        _scheduled = false;
                        return;
                    }
                }

                try
                {
                    item.Callback(item.State);
                }
                catch (Exception exception)
                {
                    onUnhandled(exception);
                }
            }

            lock (_items)
            {
                if (_items.Count == 0)
                {
                    _scheduled = false;
                    return;
                }
            }

            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }
}
