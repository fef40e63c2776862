namespace Platform.Grains.Badges;

/// <summary>A tip that was paid, as the payer's badge ledger counts it.</summary>
public sealed record PaidTip(Guid OrderId, Guid CafeId, long AmountCents, string Currency);
