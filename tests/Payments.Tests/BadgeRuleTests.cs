using Platform.Grains.Badges;
using Platform.Grains.Users;

namespace Platform.Payments.Tests;

/// <summary>The badge rule on the badge grain, with a manual clock: 5 paid tips to a café within the window earn its "regular" badge for its lifetime.</summary>
[Collection(BadgeClockCollection.Name)]
public sealed class BadgeRuleTests(BadgeClockFixture fixture)
{
    [Fact]
    public async Task The_fifth_paid_tip_within_the_window_earns_the_badge_and_the_fourth_does_not()
    {
        var (user, ledger) = await NewUserAsync();
        var cafeId = Guid.NewGuid();

        var status = await TipAsync(ledger, cafeId, times: 4);
        Assert.Empty(status.Badges);
        Assert.Equal(4, status.TipsThisWeek);
        Assert.Equal(5, status.NextBadgeAt);

        status = await TipAsync(ledger, cafeId, times: 1);
        var badge = Assert.Single(status.Badges);
        Assert.Equal(("regular", cafeId), (badge.Type, badge.CafeId));
        Assert.Equal(fixture.Clock.GetUtcNow() + BadgeClockFixture.BadgeLifetime, badge.ExpiresAt);
        Assert.Equal(badge, Assert.Single((await user.Get()).Badges));
    }

    [Fact]
    public async Task The_same_order_reported_twice_counts_once()
    {
        var (_, ledger) = await NewUserAsync();
        var tip = new PaidTip(Guid.NewGuid(), Guid.NewGuid(), 500, "eur");

        await ledger.RecordPaidTip(tip);
        var status = await ledger.RecordPaidTip(tip);

        Assert.Equal(1, status.TipsThisWeek);
    }

    [Fact]
    public async Task Tips_spread_wider_than_the_window_earn_nothing()
    {
        var (_, ledger) = await NewUserAsync();
        var cafeId = Guid.NewGuid();

        await TipAsync(ledger, cafeId, times: 4);
        fixture.Clock.Advance(BadgeClockFixture.Window);
        var status = await TipAsync(ledger, cafeId, times: 1);

        Assert.Empty(status.Badges);
        Assert.Equal(1, status.TipsThisWeek);
    }

    [Fact]
    public async Task Tips_to_different_cafes_are_counted_apart()
    {
        var (_, ledger) = await NewUserAsync();

        await TipAsync(ledger, Guid.NewGuid(), times: 3);
        var status = await TipAsync(ledger, Guid.NewGuid(), times: 3);

        Assert.Empty(status.Badges);
        Assert.Equal(3, status.TipsThisWeek);
    }

    [Fact]
    public async Task A_badge_expires_by_its_reminder_at_the_end_of_its_lifetime_on_the_ledger_and_on_the_user()
    {
        var (user, ledger) = await NewUserAsync();
        await TipAsync(ledger, Guid.NewGuid(), times: 5);

        fixture.Clock.Advance(BadgeClockFixture.BadgeLifetime - TimeSpan.FromMinutes(1));
        Assert.Single((await user.Get()).Badges);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(async () => (await user.Get()).Badges.IsEmpty);
        Assert.Empty((await ledger.GetStatus(null, null)).Badges);
    }

    [Fact]
    public async Task Tipping_on_while_holding_the_badge_renews_it_from_the_latest_tip()
    {
        var (_, ledger) = await NewUserAsync();
        var cafeId = Guid.NewGuid();
        var first = Assert.Single((await TipAsync(ledger, cafeId, times: 5)).Badges);

        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var renewed = Assert.Single((await TipAsync(ledger, cafeId, times: 1)).Badges);

        Assert.Equal(first.AwardedAt, renewed.AwardedAt);
        Assert.Equal(fixture.Clock.GetUtcNow() + BadgeClockFixture.BadgeLifetime, renewed.ExpiresAt);
    }

    private async Task<(IUserGrain User, IBadgeGrain Ledger)> NewUserAsync()
    {
        var id = Guid.NewGuid();
        var name = $"b{id:N}"[..20];
        var user = fixture.Grains.GetGrain<IUserGrain>(id);
        await user.Register(new NewMember($"{name}@example.com", name, "correct horse battery"));
        return (user, fixture.Grains.GetGrain<IBadgeGrain>(id));
    }

    private static async Task<BadgeStatus> TipAsync(IBadgeGrain ledger, Guid cafeId, int times)
    {
        BadgeStatus? status = null;
        for (var i = 0; i < times; i++) status = await ledger.RecordPaidTip(new PaidTip(Guid.NewGuid(), cafeId, 500, "eur"));
        return status!;
    }
}
