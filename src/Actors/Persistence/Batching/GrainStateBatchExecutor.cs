using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// Sends one batch of writes to distinct rows as a single statement and completes each write with its own
/// outcome. One per writer loop, with that loop's connection.
/// </summary>
internal sealed class GrainStateBatchExecutor(NpgsqlDataSource dataSource, ILogger logger, WriteStatistics statistics) : IAsyncDisposable
{
    private GrainStateConnection? _connection;

    /// <summary>Completes every write of the batch; never throws.</summary>
    public async Task ExecuteAsync(List<PendingStateWrite> batch)
    {
        try
        {
            var connection = await ConnectAsync().ConfigureAwait(false);
            if (batch.Count == 1) await ExecuteOneAsync(connection, batch[0]).ConfigureAwait(false);
            else await ExecuteManyAsync(connection, batch).ConfigureAwait(false);
        }
        catch (PostgresException e) when (batch.Count > 1 && e.SqlState.StartsWith("22", StringComparison.Ordinal))
        {
            // The database refused one write's data (bad JSON, say): send them one by one, so only that one fails.
            foreach (var write in batch) await ExecuteAloneAsync(write).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            logger.WriteBatchFailed(e, batch.Count);
            foreach (var write in batch) write.Fail(e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync().ConfigureAwait(false);
        _connection = null;
    }

    private async ValueTask<GrainStateConnection> ConnectAsync()
    {
        if (_connection is { IsUsable: true }) return _connection;
        await DisposeAsync().ConfigureAwait(false);
        _connection = await GrainStateConnection.OpenAsync(dataSource).ConfigureAwait(false);
        return _connection;
    }

    private async Task ExecuteAloneAsync(PendingStateWrite write)
    {
        try
        {
            await ExecuteOneAsync(await ConnectAsync().ConfigureAwait(false), write).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            write.Fail(e);
        }
    }

    // A lone write goes out as a plain single-row statement: nothing to pay for batching it did not need.
    private async Task ExecuteOneAsync(GrainStateConnection connection, PendingStateWrite write)
    {
        statistics.CountStatement(writes: 1);
        var command = connection.WriteOne;
        ((NpgsqlParameter<string>)command.Parameters[0]).TypedValue = write.Row.GrainType;
        ((NpgsqlParameter<string>)command.Parameters[1]).TypedValue = write.Row.GrainKey;
        ((NpgsqlParameter<string>)command.Parameters[2]).TypedValue = write.Row.StateName;
        command.Parameters[3].Value = (object?)write.Payload ?? DBNull.Value;
        ((NpgsqlParameter<int>)command.Parameters[4]).TypedValue = write.NewVersion;

        if (await command.ExecuteScalarAsync().ConfigureAwait(false) is int version) write.Succeed(version);
        else await WriteConflicts.FailAsync(connection, [write], batchSize: 1, logger).ConfigureAwait(false);
    }

    private async Task ExecuteManyAsync(GrainStateConnection connection, List<PendingStateWrite> batch)
    {
        // Every process locks rows in the same order, so two silos writing overlapping rows (a duplicate
        // activation) wait for each other instead of deadlocking and failing both batches.
        batch.Sort(static (left, right) => left.Row.CompareTo(right.Row));
        statistics.CountStatement(writes: batch.Count);

        var count = batch.Count;
        var types = new string[count];
        var keys = new string[count];
        var names = new string[count];
        var payloads = new byte[]?[count];
        var versions = new int[count];
        var waiting = new Dictionary<StateRow, PendingStateWrite>(count);
        for (var i = 0; i < count; i++)
        {
            var write = batch[i];
            (types[i], keys[i], names[i]) = write.Row;
            payloads[i] = write.Payload;
            versions[i] = write.NewVersion;
            waiting.Add(write.Row, write);
        }

        var command = connection.WriteMany;
        ((NpgsqlParameter<string[]>)command.Parameters[0]).TypedValue = types;
        ((NpgsqlParameter<string[]>)command.Parameters[1]).TypedValue = keys;
        ((NpgsqlParameter<string[]>)command.Parameters[2]).TypedValue = names;
        command.Parameters[3].Value = payloads;
        ((NpgsqlParameter<int[]>)command.Parameters[4]).TypedValue = versions;

        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var row = new StateRow(reader.GetString(0), reader.GetString(1), reader.GetString(2));
                if (waiting.Remove(row, out var written)) written.Succeed(reader.GetInt32(3));
            }
        }

        if (waiting.Count > 0) await WriteConflicts.FailAsync(connection, waiting.Values, count, logger).ConfigureAwait(false);
    }
}
