using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Actors.Persistence;

/// <summary>
/// Coalesces concurrent state writes into one statement per batch, each row keeping its own version check.
/// A writer loop takes whatever is waiting the moment it is free, never waiting for more: one write alone
/// goes out at once, and under load each round trip carries many.
/// </summary>
internal sealed partial class StateWriteBatcher : IAsyncDisposable, IDisposable
{
    private const string UpsertOne = """
        insert into grain_state (grain_type, grain_key, state_name, payload, version)
        values ($1, $2, $3, $4::jsonb, $5)
        on conflict (grain_type, grain_key, state_name) do update
            set payload = excluded.payload, version = excluded.version, modified_at = now()
            where grain_state.version = excluded.version - 1
        returning grain_type, grain_key, state_name
        """;

    private const string UpsertMany = """
        insert into grain_state (grain_type, grain_key, state_name, payload, version)
        select t, k, n, p::jsonb, v from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[]) as w(t, k, n, p, v)
        on conflict (grain_type, grain_key, state_name) do update
            set payload = excluded.payload, version = excluded.version, modified_at = now()
            where grain_state.version = excluded.version - 1
        returning grain_type, grain_key, state_name
        """;

    private readonly Channel<StateWrite> _writes = Channel.CreateUnbounded<StateWrite>();
    private readonly NpgsqlDataSource _dataSource;
    private readonly int _maxBatchSize;
    private readonly ILogger<StateWriteBatcher> _logger;
    private readonly Task[] _writers;

    public StateWriteBatcher(NpgsqlDataSource dataSource, IOptions<GrainStorageOptions> options, ILogger<StateWriteBatcher> logger)
    {
        _dataSource = dataSource;
        _maxBatchSize = options.Value.MaxBatchSize;
        _logger = logger;
        _writers = Enumerable.Range(0, options.Value.WriterCount).Select(_ => Task.Run(WriteLoopAsync)).ToArray();
    }

    /// <summary>Queues a write and completes with its new version, or with <see cref="InconsistentStateException"/>.</summary>
    public Task<int> WriteAsync(GrainId grainId, string stateName, string? payload, int newVersion)
    {
        var write = new StateWrite(grainId, stateName, payload, newVersion);
        if (!_writes.Writer.TryWrite(write)) throw new ObjectDisposedException(nameof(StateWriteBatcher), "Grain storage is shutting down.");
        return write.Task;
    }

    /// <summary>Stops taking writes and waits for those already taken.</summary>
    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteLoopAsync()
    {
        var batch = new List<StateWrite>(_maxBatchSize);
        var rows = new HashSet<(GrainId, string)>();
        var deferred = new Queue<StateWrite>();
        var reader = _writes.Reader;
        while (deferred.Count > 0 || await reader.WaitToReadAsync())
        {
            batch.Clear();
            rows.Clear();

            // One statement cannot touch a row twice: a second write to a row waits for the next batch.
            for (var count = deferred.Count; count > 0 && batch.Count < _maxBatchSize; count--)
            {
                var write = deferred.Dequeue();
                if (rows.Add(write.Row)) batch.Add(write);
                else deferred.Enqueue(write);
            }

            while (batch.Count < _maxBatchSize && reader.TryRead(out var write))
            {
                if (rows.Add(write.Row)) batch.Add(write);
                else deferred.Enqueue(write);
            }

            if (batch.Count > 0) await ExecuteAsync(batch);
        }
    }

    private async Task ExecuteAsync(List<StateWrite> batch)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync();
            await using var command = batch.Count == 1 ? One(connection, batch[0]) : Many(connection, batch);
            var written = new HashSet<(GrainId, string)>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    written.Add((new GrainId(reader.GetString(0), reader.GetString(1)), reader.GetString(2)));
                }
            }

            foreach (var write in batch)
            {
                if (written.Contains(write.Row)) write.TrySetResult(write.NewVersion);
                else write.Conflict();
            }
        }
        catch (Exception exception)
        {
            LogBatchFailed(batch.Count, exception);
            foreach (var write in batch) write.TrySetException(exception);
        }
    }

    private static NpgsqlCommand One(NpgsqlConnection connection, StateWrite write) => new(UpsertOne, connection)
    {
        Parameters =
        {
            new() { Value = write.GrainId.Type },
            new() { Value = write.GrainId.Key },
            new() { Value = write.StateName },
            new() { Value = (object?)write.Payload ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text },
            new() { Value = write.NewVersion },
        },
    };

    private static NpgsqlCommand Many(NpgsqlConnection connection, List<StateWrite> batch) => new(UpsertMany, connection)
    {
        Parameters =
        {
            new() { Value = batch.Select(w => w.GrainId.Type).ToArray() },
            new() { Value = batch.Select(w => w.GrainId.Key).ToArray() },
            new() { Value = batch.Select(w => w.StateName).ToArray() },
            new() { Value = batch.Select(w => w.Payload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text },
            new() { Value = batch.Select(w => w.NewVersion).ToArray() },
        },
    };

    [LoggerMessage(EventId = 300, Level = LogLevel.Error, Message = "A batch of {Count} state writes failed")]
    private partial void LogBatchFailed(int count, Exception exception);
}
