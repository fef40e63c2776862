using System.Collections.Immutable;
using Npgsql;

namespace Platform.Grains.Pokes;

/// <summary>The <c>pokes</c> table: written by the pairs' grains, read for lookups and lists.</summary>
public sealed class PokeTable(NpgsqlDataSource database) : IPokeDirectory
{
    public async Task SaveAsync(PokeRecord poke, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO pokes (id, from_user, to_user, shared_interest, status, channel_id, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (id) DO UPDATE SET status = excluded.status, channel_id = excluded.channel_id
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = poke.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = poke.From });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = poke.To });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = poke.SharedInterest });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StatusText(poke.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)poke.ChannelId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = poke.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = poke.ExpiresAt });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<PokeParties?> PartiesOfAsync(Guid pokeId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT from_user, to_user FROM pokes WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = pokeId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new PokeParties(reader.GetGuid(0), reader.GetGuid(1)) : null;
    }

    public async Task<ImmutableArray<ReceivedPoke>> PendingForAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT id, shared_interest, created_at, expires_at FROM pokes
            WHERE to_user = $1 AND status = 'pending' AND expires_at > $2 ORDER BY created_at DESC LIMIT 100
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        var pokes = ImmutableArray.CreateBuilder<ReceivedPoke>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pokes.Add(new ReceivedPoke(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return pokes.ToImmutable();
    }

    public async Task<ImmutableArray<SentPoke>> SentByAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT id, to_user, shared_interest, status, channel_id, created_at, expires_at FROM pokes
            WHERE from_user = $1 ORDER BY created_at DESC LIMIT 100
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        var pokes = ImmutableArray.CreateBuilder<SentPoke>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var status = Enum.Parse<PokeStatus>(reader.GetString(3), ignoreCase: true);
            var expiresAt = reader.GetFieldValue<DateTimeOffset>(6);
            if (status == PokeStatus.Pending && expiresAt <= now) status = PokeStatus.Expired; // before its reminder ran
            pokes.Add(new SentPoke(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), status,
                reader.IsDBNull(4) ? null : reader.GetGuid(4), reader.GetFieldValue<DateTimeOffset>(5), expiresAt));
        }

        return pokes.ToImmutable();
    }

    private static string StatusText(PokeStatus status) => status.ToString().ToLowerInvariant();
}
