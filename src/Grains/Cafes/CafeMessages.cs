using System.Collections.Immutable;
using Npgsql;

namespace Platform.Grains.Cafes;

/// <summary>The <c>cafe_messages</c> table: every message a café accepted, appended before anyone sees it.</summary>
public sealed class CafeMessages(NpgsqlDataSource database) : ICafeHistory
{
    /// <summary>Appends messages in one statement and one commit.</summary>
    public async Task AppendAsync(IReadOnlyList<ChatMessage> batch, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO cafe_messages (id, cafe_id, user_id, username, content, created_at)
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[])
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(m => m.Id)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(m => m.CafeId)] });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. batch.Select(m => m.UserId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(m => m.Username)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. batch.Select(m => m.Content)] });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]> { TypedValue = [.. batch.Select(m => m.CreatedAt)] });
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
        var messages = await ReadAsync(command, cancellationToken);
        messages.Reverse();
        return messages;
    }

    public async Task<ImmutableArray<ChatMessage>> PageAsync(Guid cafeId, DateTimeOffset? before, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT id, cafe_id, user_id, username, content, created_at FROM cafe_messages
            WHERE cafe_id = $1 AND deleted_at IS NULL AND created_at < $2 ORDER BY created_at DESC, id DESC LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cafeId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = before ?? DateTimeOffset.MaxValue });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return [.. await ReadAsync(command, cancellationToken)];
    }

    public async Task<ImmutableArray<ChatMessage>> PageBeforeAsync(Guid cafeId, Guid beforeId, int limit, CancellationToken cancellationToken = default)
    {
        // Keyset paging on (created_at, id): messages written in the same microsecond are neither skipped nor repeated.
        await using var command = database.CreateCommand(
            """
            SELECT m.id, m.cafe_id, m.user_id, m.username, m.content, m.created_at
            FROM cafe_messages m, cafe_messages b
            WHERE b.id = $2 AND m.cafe_id = $1 AND m.deleted_at IS NULL AND (m.created_at, m.id) < (b.created_at, b.id)
            ORDER BY m.created_at DESC, m.id DESC LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cafeId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = beforeId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return [.. await ReadAsync(command, cancellationToken)];
    }

    public async Task<Guid?> CafeOfAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT cafe_id FROM cafe_messages WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid cafeId ? cafeId : null;
    }

    /// <summary>The author of a message of this café that is not deleted yet, or null.</summary>
    public async Task<Guid?> AuthorOfAsync(Guid cafeId, Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT user_id FROM cafe_messages WHERE id = $1 AND cafe_id = $2 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = cafeId });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid userId ? userId : null;
    }

    public async Task MarkDeletedAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("UPDATE cafe_messages SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<ChatMessage>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new ChatMessage(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return messages;
    }
}
