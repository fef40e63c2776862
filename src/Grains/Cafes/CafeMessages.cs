using Npgsql;

namespace Platform.Grains.Cafes;

/// <summary>The <c>cafe_messages</c> table: every message a café accepted, appended before anyone sees it.</summary>
public sealed class CafeMessages(NpgsqlDataSource database)
{
    public async Task AppendAsync(ChatMessage message, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO cafe_messages (id, cafe_id, user_id, username, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.CafeId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Username });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Content });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = message.CreatedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The newest <paramref name="limit"/> messages not deleted, oldest first.</summary>
    public async Task<List<ChatMessage>> RecentAsync(Guid cafeId, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT id, cafe_id, user_id, username, content, created_at FROM cafe_messages
            WHERE cafe_id = $1 AND deleted_at IS NULL ORDER BY created_at DESC LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cafeId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var messages = new List<ChatMessage>(limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ChatMessage(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        messages.Reverse();
        return messages;
    }
}
