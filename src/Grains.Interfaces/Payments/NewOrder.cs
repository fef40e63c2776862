namespace Platform.Grains.Payments;

/// <summary>A tip about to be paid, validated at the edge.</summary>
public sealed record NewOrder(Guid UserId, Guid CafeId, long AmountCents, string Currency);
