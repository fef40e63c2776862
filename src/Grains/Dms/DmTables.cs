using System.Collections.Immutable;
using Npgsql;

namespace Platform.Grains.Dms;

/// <summary>The <c>dm_channels</c> and <c>dm_messages</c> tables.</summary>
public sealed class DmTables(NpgsqlDataSource database) : IDmDirectory
{
    public async Task CreateChannelAsync(Guid channelId, DmMember first, DmMember second, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO dm_channels (id, user_a, user_a_name, user_b, user_b_name, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = channelId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = first.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = first.Username });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = second.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = second.Username });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Stores a message and moves the channel's <c>last_message_at</c>, in one round trip and one transaction.</summary>
    public async Task AppendAsync(DmMessage message, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            WITH stored AS (
                INSERT INTO dm_messages (id, channel_id, user_id, username, content, created_at) VALUES ($1, $2, $3, $4, $5, $6)
            )
            UPDATE dm_channels SET last_message_at = $6 WHERE id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.ChannelId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = message.UserId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Username });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message.Content });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = message.CreatedAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<Guid?> AuthorOfAsync(Guid channelId, Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT user_id FROM dm_messages WHERE id = $1 AND channel_id = $2 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = channelId });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid userId ? userId : null;
    }

    public async Task MarkDeletedAsync(Guid messageId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("UPDATE dm_messages SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ImmutableArray<DmChannelView>> ChannelsOfAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT id, CASE WHEN user_a = $1 THEN user_b ELSE user_a END, CASE WHEN user_a = $1 THEN user_b_name ELSE user_a_name END, last_message_at
            FROM dm_channels WHERE user_a = $1 OR user_b = $1
            ORDER BY coalesce(last_message_at, created_at) DESC LIMIT 200
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        var channels = ImmutableArray.CreateBuilder<DmChannelView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add(new DmChannelView(
                reader.GetGuid(0), new DmMember(reader.GetGuid(1), reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return channels.ToImmutable();
    }

    public async Task<ImmutableArray<DmMessage>> PageAsync(Guid channelId, Guid? beforeId, int limit, CancellationToken cancellationToken = default)
    {
        // Keyset paging on (created_at, id), so messages of the same microsecond are neither skipped nor repeated.
        await using var command = database.CreateCommand(
            """
            SELECT m.id, m.channel_id, m.user_id, m.username, m.content, m.created_at FROM dm_messages m
            WHERE m.channel_id = $1 AND m.deleted_at IS NULL
              AND ($2::uuid IS NULL OR (m.created_at, m.id) < (SELECT b.created_at, b.id FROM dm_messages b WHERE b.id = $2))
            ORDER BY m.created_at DESC, m.id DESC LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = channelId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)beforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var messages = ImmutableArray.CreateBuilder<DmMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new DmMessage(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return messages.ToImmutable();
    }

    public async Task<Guid?> ChannelOfMessageAsync(Guid messageId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT channel_id FROM dm_messages WHERE id = $1 AND deleted_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = messageId });
        return await command.ExecuteScalarAsync(cancellationToken) is Guid channelId ? channelId : null;
    }
}
