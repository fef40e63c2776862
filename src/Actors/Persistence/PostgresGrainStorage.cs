using System.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Persistence.Batching;

namespace Platform.Actors.Persistence;

/// <summary>
/// Grain state in PostgreSQL's <c>grain_state</c> table. The etag is the row's integer version, bumped by
/// every write and clear. Concurrent writes are batched into single statements (see
/// <see cref="GrainStorageOptions"/>), each row still checked against its own etag; reads are one query each.
/// Each writer loop keeps one connection of the data source's pool open for as long as the storage lives.
/// </summary>
public sealed class PostgresGrainStorage : IGrainStorage, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly GrainStateWriteBatcher _batcher;

    public PostgresGrainStorage(NpgsqlDataSource dataSource, IOptions<GrainStorageOptions> options, ILogger<PostgresGrainStorage> logger)
    {
        _dataSource = dataSource;
        _batcher = new GrainStateWriteBatcher(dataSource, options.Value, logger);
    }

    /// <summary>Statements sent against writes (and clears) carried; with concurrent writers, fewer statements.</summary>
    internal WriteStatistics WriteStatistics => _batcher.Statistics;

    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(GrainStateSql.Read);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = stateName });

        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
        var payload = await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false) ? null : reader.GetFieldValue<byte[]>(0);
        return new GrainStateRecord(payload, VersionEtag.Format(reader.GetInt32(1)));
    }

    public Task<string> WriteAsync(GrainId grainId, string stateName, byte[] payload, string? expectedEtag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var write = new PendingStateWrite(new StateRow(grainId, stateName), payload, VersionEtag.Parse(expectedEtag));
        return _batcher.WriteAsync(write, cancellationToken);
    }

    /// <summary>Sets the payload to NULL and bumps the version; the row stays, so a writer holding an older etag still conflicts.</summary>
    public Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken)
    {
        var write = new PendingStateWrite(new StateRow(grainId, stateName), payload: null, VersionEtag.Parse(expectedEtag));
        return _batcher.WriteAsync(write, cancellationToken);
    }

    /// <summary>Sends the writes already queued, then refuses new ones.</summary>
    public ValueTask DisposeAsync() => _batcher.DisposeAsync();
}
