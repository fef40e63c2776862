using Npgsql;
using Platform.Actors.Persistence;

namespace Platform.Actors.Reminders;

/// <summary>
/// Reminders in PostgreSQL's <c>reminders</c> table. As with grain state, the etag is the row's version:
/// an upsert replaces the reminder and bumps it, and a remove succeeds only at the version the caller holds.
/// </summary>
public sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period, version";

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM reminders", [], cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2", [grainId.Type, grainId.Key], cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        var entries = await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3",
            [grainId.Type, grainId.Key, reminderName],
            cancellationToken).ConfigureAwait(false);
        return entries.Count == 0 ? null : entries[0];
    }

    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO reminders (grain_type, grain_key, reminder_name, start_at, period, version)
            VALUES ($1, $2, $3, $4, $5, 1)
            ON CONFLICT (grain_type, grain_key, reminder_name) DO UPDATE
            SET start_at = excluded.start_at, period = excluded.period, version = reminders.version + 1
            RETURNING version
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.GrainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.GrainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = entry.Name });
        // timestamptz takes UTC only; the instant is the same.
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = entry.StartAt.ToUniversalTime() });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = entry.Period });
        var version = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return VersionEtag.Format(version);
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "DELETE FROM reminders WHERE grain_type = $1 AND grain_key = $2 AND reminder_name = $3 AND version = $4");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = grainId.Key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = reminderName });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = VersionEtag.Parse(etag) ?? 0 });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, string[] arguments, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var argument in arguments) command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = argument });

        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<TimeSpan>(4),
                VersionEtag.Format(reader.GetInt32(5))));
        }

        return entries;
    }
}
