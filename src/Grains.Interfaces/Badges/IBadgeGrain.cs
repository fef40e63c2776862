using Platform.Actors;

namespace Platform.Grains.Badges;

/// <summary>
/// A user's tip ledger and the badges it earns, keyed by the user id. Paid tips are counted per café over a
/// sliding window; a badge lasts a while and a reminder takes it away when it ends. The user grain is told
/// whenever the badges change, so the user's <c>badges</c> show them.
/// </summary>
public interface IBadgeGrain : IGrainWithGuidKey
{
    /// <summary>Counts a paid tip, once per order however often it is reported, and awards a badge at the threshold.</summary>
    Task<BadgeStatus> RecordPaidTip(PaidTip tip);

    /// <summary>
    /// The status for <paramref name="cafeId"/>, or when null for the café tipped most recently
    /// (falling back to <paramref name="defaultCafeId"/>, a guest's own café).
    /// </summary>
    [ReadOnly]
    Task<BadgeStatus> GetStatus(Guid? cafeId, Guid? defaultCafeId);
}
