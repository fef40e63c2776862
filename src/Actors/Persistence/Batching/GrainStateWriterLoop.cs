using System.Threading.Channels;

namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// Takes whatever writes are waiting, up to the batch size, and sends them as one statement; then again.
/// It never waits for more writes to arrive, so a lone writer pays no delay, while writes that pile up
/// during a round trip leave together in the next one.
/// </summary>
internal sealed class GrainStateWriterLoop
{
    private readonly Channel<PendingStateWrite> _queue = Channel.CreateUnbounded<PendingStateWrite>(new UnboundedChannelOptions { SingleReader = true });

    // Writes held back because their row is already in the batch being formed: one statement cannot
    // update a row twice. They go first next time, in their order.
    private readonly Queue<PendingStateWrite> _deferred = new();
    private readonly List<PendingStateWrite> _batch = [];
    private readonly HashSet<StateRow> _rowsInBatch = [];
    private readonly GrainStateBatchExecutor _executor;
    private readonly int _maxBatchSize;

    public GrainStateWriterLoop(GrainStateBatchExecutor executor, int maxBatchSize)
    {
        _executor = executor;
        _maxBatchSize = maxBatchSize;
        Completion = Task.Run(RunAsync);
    }

    /// <summary>Completes once <see cref="Complete"/> was called, every queued write was sent and the connection closed.</summary>
    public Task Completion { get; }

    public bool TryEnqueue(PendingStateWrite write) => _queue.Writer.TryWrite(write);

    public void Complete() => _queue.Writer.TryComplete();

    private async Task RunAsync()
    {
        await using (_executor.ConfigureAwait(false))
        {
            while (_deferred.Count > 0 || await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                TakeBatch();
                if (_batch.Count > 0) await _executor.ExecuteAsync(_batch).ConfigureAwait(false);
            }
        }
    }

    private void TakeBatch()
    {
        _batch.Clear();
        _rowsInBatch.Clear();
        for (var deferred = _deferred.Count; deferred > 0; deferred--) Consider(_deferred.Dequeue());
        while (_batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var write)) Consider(write);
    }

    private void Consider(PendingStateWrite write)
    {
        if (_batch.Count >= _maxBatchSize || _rowsInBatch.Contains(write.Row))
        {
            _deferred.Enqueue(write);
            return;
        }

        if (!write.TryClaimForSending()) return; // cancelled while it waited
        _rowsInBatch.Add(write.Row);
        _batch.Add(write);
    }
}
