using System.Collections.Immutable;
using Npgsql;

namespace Platform.Grains.Games;

/// <summary>The tables of played games: <c>games</c>, <c>game_answers</c>, <c>game_players</c> and <c>player_ratings</c>.</summary>
public sealed class GameRecords(NpgsqlDataSource database) : ILeaderboard
{
    public async Task StartedAsync(Guid gameId, string lobbyCode, string? category, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "INSERT INTO games (id, lobby_code, category, started_at) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = gameId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = lobbyCode });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)category ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AnswerAsync(Guid gameId, int index, Guid userId, Guid questionId, int option, bool correct, int points, TimeSpan taken, DateTimeOffset at)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO game_answers (game_id, question_index, user_id, question_id, option_index, correct, points, millis_taken, answered_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = gameId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = index });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = questionId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = option });
        command.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = correct });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = points });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = (int)taken.TotalMilliseconds });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Records the final board, players in rank order, in one transaction.</summary>
    public async Task FinishedAsync(Guid gameId, Guid? winnerId, IReadOnlyList<(GamePlayerState Player, int RatingBefore, int RatingAfter)> ranked, DateTimeOffset at)
    {
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var game = new NpgsqlCommand("UPDATE games SET finished_at = $2, winner_id = $3 WHERE id = $1", connection, transaction))
        {
            game.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = gameId });
            game.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
            game.Parameters.Add(new NpgsqlParameter { Value = (object?)winnerId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid });
            await game.ExecuteNonQueryAsync();
        }

        for (var rank = 0; rank < ranked.Count; rank++)
        {
            var (player, before, after) = ranked[rank];
            await using var row = new NpgsqlCommand(
                """
                INSERT INTO game_players (game_id, user_id, username, score, correct_answers, rank, rating_before, rating_after)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING
                """,
                connection,
                transaction);
            row.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = gameId });
            row.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = player.UserId });
            row.Parameters.Add(new NpgsqlParameter<string> { TypedValue = player.Username });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = player.Score });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = player.CorrectAnswers });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = rank + 1 });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = before });
            row.Parameters.Add(new NpgsqlParameter<int> { TypedValue = after });
            await row.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task SaveRatingAsync(Guid userId, string username, Users.UserStats stats, DateTimeOffset at)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO player_ratings (user_id, username, rating, games_played, games_won, total_score, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (user_id) DO UPDATE SET username = excluded.username, rating = excluded.rating, games_played = excluded.games_played,
                games_won = excluded.games_won, total_score = excluded.total_score, updated_at = excluded.updated_at
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = userId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = username });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stats.Rating });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stats.GamesPlayed });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = stats.GamesWon });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = stats.TotalScore });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = at });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<ImmutableArray<RatedPlayer>> TopAsync(int limit, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "SELECT user_id, username, rating, games_played, games_won, total_score FROM player_ratings ORDER BY rating DESC, games_won DESC LIMIT $1");
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        var players = ImmutableArray.CreateBuilder<RatedPlayer>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            players.Add(new RatedPlayer(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt64(5)));
        }

        return players.ToImmutable();
    }
}
