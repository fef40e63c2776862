namespace Platform.Grains.Payments;

/// <summary>An order as its row holds it.</summary>
public sealed record OrderView(
    Guid Id,
    Guid UserId,
    Guid CafeId,
    long AmountCents,
    string Currency,
    OrderStatus Status,
    string? PaymentIntentId,
    string? FailureReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
