using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Actors.Reminders;
using Platform.Grains.Users;

namespace Platform.Grains.Badges;

/// <summary>
/// Counts a user's paid tips per café over a sliding window; reaching the threshold earns (or renews) the café's
/// "regular" badge, which a durable reminder takes away when it ends, so a badge ends on time even if nobody looks.
/// </summary>
public sealed class BadgeGrain(
    [PersistentState(BadgeGrain.StateName)] IPersistentState<BadgeState> ledger,
    IOptions<BadgeOptions> badgeOptions,
    TimeProvider time) : Grain, IBadgeGrain, IRemindable
{
    public const string StateName = "badges";
    public const string RegularBadge = "regular";
    private const string ExpiryReminder = "badge-expiry";

    private readonly BadgeOptions _options = badgeOptions.Value;

    private BadgeState State => ledger.State;

    public async Task<BadgeStatus> RecordPaidTip(PaidTip tip)
    {
        var now = time.GetUtcNow();
        var badgesChanged = Prune(now);
        if (State.Tips.Exists(entry => entry.OrderId == tip.OrderId))
        {
            if (badgesChanged) await SaveAsync(now, badgesChanged);
            return Status(tip.CafeId, now);
        }

        State.Tips.Add(new TipEntry(tip.OrderId, tip.CafeId, now));
        State.LastCafeId = tip.CafeId;
        if (TipsWithin(tip.CafeId, now) >= _options.TipsForRegular)
        {
            // Held already: the badge keeps its award time and lasts from this tip on.
            var held = State.Badges.Find(badge => badge.Type == RegularBadge && badge.CafeId == tip.CafeId);
            if (held is not null) State.Badges.Remove(held);
            State.Badges.Add(new BadgeView(RegularBadge, tip.CafeId, held?.AwardedAt ?? now, now + _options.BadgeLifetime));
            badgesChanged = true;
        }

        await SaveAsync(now, badgesChanged);
        return Status(tip.CafeId, now);
    }

    public Task<BadgeStatus> GetStatus(Guid? cafeId, Guid? defaultCafeId) =>
        Task.FromResult(Status(cafeId ?? State.LastCafeId ?? defaultCafeId, time.GetUtcNow()));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ExpiryReminder) return;
        var now = time.GetUtcNow();
        await SaveAsync(now, Prune(now));
    }

    private async Task SaveAsync(DateTimeOffset now, bool badgesChanged)
    {
        await ledger.WriteStateAsync();
        if (badgesChanged) await GrainFactory.GetGrain<IUserGrain>(this.GetPrimaryKey()).SetBadges([.. State.Badges]);
        await ArmReminderAsync(now);
    }

    // One reminder, due when the next badge ends; none while no badge is held.
    private async Task ArmReminderAsync(DateTimeOffset now)
    {
        if (State.Badges.Count == 0)
        {
            if (await GetReminder(ExpiryReminder) is { } reminder) await UnregisterReminder(reminder);
            return;
        }

        var due = State.Badges.Min(badge => badge.ExpiresAt) - now;
        await RegisterOrUpdateReminder(ExpiryReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, _options.ReminderPeriod);
    }

    /// <summary>Forgets tips the window no longer reaches and badges that ended; true when a badge ended.</summary>
    private bool Prune(DateTimeOffset now)
    {
        State.Tips.RemoveAll(tip => tip.PaidAt <= now - _options.Window);
        return State.Badges.RemoveAll(badge => badge.ExpiresAt <= now) > 0;
    }

    private int TipsWithin(Guid cafeId, DateTimeOffset now) =>
        State.Tips.Count(tip => tip.CafeId == cafeId && tip.PaidAt > now - _options.Window);

    private BadgeStatus Status(Guid? cafeId, DateTimeOffset now) => new(
        [.. State.Badges.Where(badge => badge.ExpiresAt > now)],
        cafeId,
        cafeId is { } cafe ? TipsWithin(cafe, now) : 0,
        _options.TipsForRegular);
}
