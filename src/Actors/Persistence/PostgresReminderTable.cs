using System.Globalization;
using Npgsql;
using Platform.Actors.Reminders;

namespace Platform.Actors.Persistence;

/// <summary>Reminders in the <c>reminders</c> table; etags are the row's version.</summary>
internal sealed class PostgresReminderTable(NpgsqlDataSource dataSource) : IReminderTable
{
    private const string Columns = "grain_type, grain_key, reminder_name, start_at, period_ms, version";

    public Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken) =>
        QueryAsync($"select {Columns} from reminders", [], cancellationToken);

    public Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken) =>
        QueryAsync($"select {Columns} from reminders where grain_type = $1 and grain_key = $2", [grainId.Type, grainId.Key], cancellationToken);

    public async Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"select {Columns} from reminders where grain_type = $1 and grain_key = $2 and reminder_name = $3",
            [grainId.Type, grainId.Key, reminderName],
            cancellationToken)).SingleOrDefault();

    public async Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into reminders (grain_type, grain_key, reminder_name, start_at, period_ms, version)
            values ($1, $2, $3, $4, $5, 1)
            on conflict (grain_type, grain_key, reminder_name) do update
                set start_at = excluded.start_at, period_ms = excluded.period_ms, version = reminders.version + 1
            returning version
            """);
        AddParameters(command, entry.GrainId.Type, entry.GrainId.Key, entry.Name, entry.StartAt.UtcDateTime, (long)entry.Period.TotalMilliseconds);
        var version = (int)(await command.ExecuteScalarAsync(cancellationToken))!;
        return version.ToString(CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken)
    {
        if (!int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return false;
        await using var command = dataSource.CreateCommand(
            "delete from reminders where grain_type = $1 and grain_key = $2 and reminder_name = $3 and version = $4");
        AddParameters(command, grainId.Type, grainId.Key, reminderName, version);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<ReminderEntry>> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        AddParameters(command, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<ReminderEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry(
                new GrainId(reader.GetString(0), reader.GetString(1)),
                reader.GetString(2),
                new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
                TimeSpan.FromMilliseconds(reader.GetInt64(4)),
                reader.GetInt32(5).ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    private static void AddParameters(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}
