using Npgsql;
using Platform.Grains.Payments;

namespace Platform.Grains.Payments;

/// <summary>The <c>payment_orders</c> table: one row per order, written only by its order grain.</summary>
public sealed class OrderRows(NpgsqlDataSource database)
{
    private const string Columns =
        "id, user_id, cafe_id, amount_cents, currency, status, payment_intent_id, failure_reason, created_at, updated_at";

    /// <summary>Inserts the order; false when a row with its id exists already.</summary>
    public async Task<bool> InsertAsync(OrderView order, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            $"INSERT INTO payment_orders ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = order.Id });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = order.UserId });
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = order.CafeId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = order.AmountCents });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = order.Currency });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StatusText(order.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)order.PaymentIntentId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)order.FailureReason ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = order.CreatedAt });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = order.UpdatedAt });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Writes the order's status, intent and reason, unless the stored row is paid already: the database keeps the
    /// rule that nothing comes after paid. Returns false when the guard refused the write.
    /// </summary>
    public async Task<bool> UpdateAsync(OrderView order, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand(
            """
            UPDATE payment_orders SET status = $2, payment_intent_id = $3, failure_reason = $4, updated_at = $5
            WHERE id = $1 AND (status <> 'paid' OR $2 = 'paid')
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = order.Id });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = StatusText(order.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)order.PaymentIntentId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)order.FailureReason ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = order.UpdatedAt });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<OrderView?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand($"SELECT {Columns} FROM payment_orders WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new OrderView(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetGuid(2),
            reader.GetInt64(3),
            reader.GetString(4),
            Enum.Parse<OrderStatus>(reader.GetString(5), ignoreCase: true),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateTimeOffset>(9));
    }

    private static string StatusText(OrderStatus status) => status.ToString().ToLowerInvariant();
}
