using System.Collections.Immutable;
using Platform.Grains.Users;

namespace Platform.Grains.Badges;

/// <summary>
/// The contract's badge status: the badges held now, the paid tips to one café within the counting window, and
/// the count of tips in that window at which the café's badge is earned.
/// </summary>
public sealed record BadgeStatus(ImmutableArray<BadgeView> Badges, Guid? CafeId, int TipsThisWeek, int NextBadgeAt);
