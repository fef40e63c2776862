using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// Fails writes whose etag moved with <see cref="InconsistentStateException"/>, telling each the version it
/// lost to. Conflicts are rare, so the extra query to read those versions back costs little overall.
/// </summary>
internal static class WriteConflicts
{
    public static async Task FailAsync(GrainStateConnection connection, ICollection<PendingStateWrite> conflicts, int batchSize, ILogger logger)
    {
        logger.WriteConflicts(conflicts.Count, batchSize);
        Dictionary<StateRow, int>? stored;
        try
        {
            stored = await ReadStoredVersionsAsync(connection, conflicts).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            logger.ConflictReadBackFailed(e);
            stored = null;
        }

        foreach (var write in conflicts)
        {
            var storedEtag = stored?.TryGetValue(write.Row, out var version) == true ? VersionEtag.Format(version) : null;
            write.Fail(InconsistentState(write, storedEtag, storedKnown: stored is not null));
        }
    }

    private static async Task<Dictionary<StateRow, int>> ReadStoredVersionsAsync(GrainStateConnection connection, ICollection<PendingStateWrite> conflicts)
    {
        var stored = new Dictionary<StateRow, int>(conflicts.Count);
        await using var command = connection.CreateCommand(GrainStateSql.ReadVersions);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. conflicts.Select(write => write.Row.GrainType)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. conflicts.Select(write => write.Row.GrainKey)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. conflicts.Select(write => write.Row.StateName)] });
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            stored[new StateRow(reader.GetString(0), reader.GetString(1), reader.GetString(2))] = reader.GetInt32(3);
        }

        return stored;
    }

    private static InconsistentStateException InconsistentState(PendingStateWrite write, string? storedEtag, bool storedKnown)
    {
        var expected = write.ExpectedVersion is { } version ? VersionEtag.Format(version) : null;
        var action = write.Payload is null ? "Clearing" : "Writing";
        var message = $"{action} state '{write.Row.StateName}' of grain {write.Row.GrainId} expected " +
            (expected is null ? "no stored record" : $"etag {expected}") + ", but storage holds " +
            (!storedKnown ? "another version" : storedEtag is null ? "no record" : $"etag {storedEtag}") + ": another writer got there first.";
        return new InconsistentStateException(message, storedEtag, expected);
    }
}
