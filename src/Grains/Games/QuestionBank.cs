using System.Collections.Immutable;
using Npgsql;

namespace Platform.Grains.Games;

/// <summary>The <c>questions</c> table.</summary>
public sealed class QuestionBank(NpgsqlDataSource database) : IQuestionBank
{
    /// <summary>Up to <paramref name="count"/> different questions at random, from one category or from all.</summary>
    public async Task<List<GameQuestion>> DrawAsync(string? category, int count, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            "SELECT id, text, options, correct_index FROM questions WHERE $1::text IS NULL OR category = $1 ORDER BY random() LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)category ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
        var questions = new List<GameQuestion>(count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            questions.Add(new GameQuestion(reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<string[]>(2), reader.GetInt32(3)));
        }

        return questions;
    }

    public async Task<int> ImportAsync(string category, ImmutableArray<NewQuestion> questions, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var question in questions)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO questions (category, text, options, correct_index, points) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (category, text) DO NOTHING",
                connection,
                transaction);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = category });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = question.Text });
            command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. question.Options] });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = question.CorrectIndex });
            command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = question.Points });
            added += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }
}
