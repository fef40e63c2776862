using Npgsql;

namespace Platform.Api.Payments;

/// <summary>The <c>stripe_events</c> table: which Stripe events arrived, and which were applied.</summary>
public sealed class StripeEventLog(NpgsqlDataSource database)
{
    /// <summary>Records the event's arrival; true when it was applied already (a redelivery to acknowledge only).</summary>
    public async Task<bool> WasAppliedAsync(string eventId, string type, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            INSERT INTO stripe_events (id, type, received_at) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET id = EXCLUDED.id
            RETURNING processed_at IS NOT NULL
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }

    public async Task MarkAppliedAsync(string eventId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("UPDATE stripe_events SET processed_at = $2 WHERE id = $1 AND processed_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = now });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
