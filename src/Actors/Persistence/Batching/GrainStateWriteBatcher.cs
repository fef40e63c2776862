using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// Coalesces concurrent grain state writes into fewer statements. Each row always goes to the same
/// writer loop, so writes to one row leave in the order they were made, while different rows spread
/// over the loops and their batches overlap in time.
/// </summary>
internal sealed class GrainStateWriteBatcher : IAsyncDisposable
{
    private readonly GrainStateWriterLoop[] _loops;

    public GrainStateWriteBatcher(NpgsqlDataSource dataSource, GrainStorageOptions options, ILogger logger)
    {
        _loops = new GrainStateWriterLoop[options.WriterCount];
        for (var i = 0; i < _loops.Length; i++)
        {
            _loops[i] = new GrainStateWriterLoop(new GrainStateBatchExecutor(dataSource, logger, Statistics), options.MaxBatchSize);
        }
    }

    public WriteStatistics Statistics { get; } = new();

    public Task<string> WriteAsync(PendingStateWrite write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<string>(cancellationToken);
        write.CancelWhileQueued(cancellationToken);
        if (!LoopFor(write.Row).TryEnqueue(write)) write.Fail(new ObjectDisposedException(nameof(PostgresGrainStorage)));
        return write.Completion;
    }

    /// <summary>Stops taking writes, sends those already queued, then returns.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var loop in _loops) loop.Complete();
        await Task.WhenAll(_loops.Select(loop => loop.Completion)).ConfigureAwait(false);
    }

    private GrainStateWriterLoop LoopFor(StateRow row) => _loops[(uint)row.GetHashCode() % (uint)_loops.Length];
}
