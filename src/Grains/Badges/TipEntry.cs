namespace Platform.Grains.Badges;

/// <summary>A paid tip in the ledger: which order, to which café, when it was counted.</summary>
public sealed record TipEntry(Guid OrderId, Guid CafeId, DateTimeOffset PaidAt);
