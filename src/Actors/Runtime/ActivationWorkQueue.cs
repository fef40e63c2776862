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
    private readonly Lock _itemsLock = new();
    private bool _scheduled;
    private volatile Message? _soleRequest;

    // Set on a connection's read loop while it dispatches what it read: that thread goes straight back to reading,
    // so the turns it readies go to the global queue rather than wait on its own for others to steal them.
    [ThreadStatic]
    private static bool t_onReadLoop;

    // A pool thread takes its own queue's newest item first: a caller whose every call readies the next turn on the
    // same thread would keep that thread, and the callers and socket reads waiting in the global queue would wait
    // for seconds. So every eighth turn a thread readies goes to the global queue instead, behind them: fair enough
    // that 1,000 callers all move, and seven in eight turns still run next on the thread that readied them.
    private const int LocalTurnsPerRotation = 8;

    [ThreadStatic]
    private static int t_localTurns;

    /// <summary>The request that started when no other was running, while it runs (see <see cref="RequestScope"/>).</summary>
    public Message? SoleRequest
    {
        get => _soleRequest;
        set => _soleRequest = value;
    }

    public override void Post(SendOrPostCallback d, object? state)
    {
        lock (_itemsLock)
        {
            _items.Enqueue((d, state));
            if (_scheduled) return;
            _scheduled = true;
        }

        // Like an await continuation, a turn that became ready runs next on the thread that readied it (others steal it
        // when that thread stays busy). So the steps of a call (request, storage reply, answer, event) do not each
        // wait behind the bulk work in the pool's global queue, such as a fan-out's socket writes. An activation
        // that used up its turn queues globally (below), so that it cannot keep a thread from the rest, and so does
        // every few turns a thread readies (see LocalTurnsPerRotation).
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: !t_onReadLoop && ++t_localTurns % LocalTurnsPerRotation != 0);
    }

    /// <summary>Marks the current thread as a connection's read loop until the scope is disposed.</summary>
    public static ReadLoopScope EnterReadLoop()
    {
        t_onReadLoop = true;
        return default;
    }

    public readonly struct ReadLoopScope : IDisposable
    {
        public void Dispose() => t_onReadLoop = false;
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
                lock (_itemsLock)
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

            lock (_itemsLock)
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
