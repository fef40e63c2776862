using System.Collections.Immutable;
using Npgsql;

namespace Platform.Grains.Lobbies;

/// <summary>The <c>lobbies</c> table: each lobby grain keeps its row current; the public list reads it.</summary>
public sealed class LobbyTable(NpgsqlDataSource database) : ILobbyDirectory
{
    public async Task SaveAsync(LobbyView lobby, string hostName, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO lobbies (code, id, name, host_id, host_name, status, is_private, category, player_count, max_players, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (code) DO UPDATE SET id = excluded.id, name = excluded.name, host_id = excluded.host_id,
                host_name = excluded.host_name, status = excluded.status, is_private = excluded.is_private,
                category = excluded.category, player_count = excluded.player_count, max_players = excluded.max_players,
                updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lobby.Code });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lobby.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lobby.Name });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lobby.HostId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = hostName });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lobby.Status.ToString().ToLowerInvariant() });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = lobby.Settings.IsPrivate });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)lobby.Settings.Category ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lobby.Players.Length });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = lobby.Settings.MaxPlayers });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task DeleteAsync(string code, Guid lobbyId, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("DELETE FROM lobbies WHERE code = $1 AND id = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = lobbyId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ImmutableArray<LobbySummary>> OpenAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            SELECT id, code, name, host_id, host_name, category, player_count, max_players FROM lobbies
            WHERE status = 'waiting' AND NOT is_private ORDER BY updated_at DESC LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var lobbies = ImmutableArray.CreateBuilder<LobbySummary>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lobbies.Add(new LobbySummary(
                reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetInt32(6), reader.GetInt32(7)));
        }

        return lobbies.ToImmutable();
    }
}
