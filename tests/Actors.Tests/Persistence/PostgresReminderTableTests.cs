using Platform.Actors.Reminders;
using Xunit;

namespace Platform.Actors.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests(PostgresFixture fixture)
{
    private static readonly DateTimeOffset NineOClock = new(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(1));

    private PostgresReminderTable Table => new(fixture.DataSource);

    [Fact]
    public async Task Upsert_then_read_returns_the_reminder_with_its_etag()
    {
        var grain = PostgresFixture.NewGrainId("reminded");

        var etag = await Table.UpsertAsync(new ReminderEntry(grain, "tick", NineOClock, TimeSpan.FromMinutes(5)), default);
        var entry = await Table.ReadAsync(grain, "tick", default);

        Assert.Equal("1", etag);
        Assert.Equal(new ReminderEntry(grain, "tick", NineOClock, TimeSpan.FromMinutes(5), "1"), entry);
    }

    [Fact]
    public async Task Upsert_of_an_existing_reminder_replaces_it_and_bumps_the_etag()
    {
        var grain = PostgresFixture.NewGrainId("reminded");
        await Table.UpsertAsync(new ReminderEntry(grain, "tick", NineOClock, TimeSpan.FromMinutes(5)), default);

        var etag = await Table.UpsertAsync(new ReminderEntry(grain, "tick", NineOClock.AddHours(1), TimeSpan.FromHours(1)), default);

        Assert.Equal("2", etag);
        Assert.Equal(new ReminderEntry(grain, "tick", NineOClock.AddHours(1), TimeSpan.FromHours(1), "2"), await Table.ReadAsync(grain, "tick", default));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_leaves_the_reminder()
    {
        var grain = PostgresFixture.NewGrainId("reminded");
        var stale = await Table.UpsertAsync(new ReminderEntry(grain, "tick", NineOClock, TimeSpan.FromMinutes(1)), default);
        var current = await Table.UpsertAsync(new ReminderEntry(grain, "tick", NineOClock, TimeSpan.FromMinutes(2)), default);

        Assert.False(await Table.RemoveAsync(grain, "tick", stale, default));
        Assert.NotNull(await Table.ReadAsync(grain, "tick", default));
        Assert.True(await Table.RemoveAsync(grain, "tick", current, default));
        Assert.Null(await Table.ReadAsync(grain, "tick", default));
        Assert.False(await Table.RemoveAsync(grain, "tick", current, default));
    }

    [Fact]
    public async Task Read_by_grain_returns_only_that_grains_reminders_and_read_all_returns_every_grains()
    {
        var grain = PostgresFixture.NewGrainId("reminded");
        var other = PostgresFixture.NewGrainId("reminded");
        await Table.UpsertAsync(new ReminderEntry(grain, "a", NineOClock, TimeSpan.FromMinutes(1)), default);
        await Table.UpsertAsync(new ReminderEntry(grain, "b", NineOClock, TimeSpan.FromMinutes(1)), default);
        await Table.UpsertAsync(new ReminderEntry(other, "a", NineOClock, TimeSpan.FromMinutes(1)), default);

        var mine = await Table.ReadAsync(grain, default);
        var all = await Table.ReadAllAsync(default);

        Assert.Equal(["a", "b"], mine.Select(entry => entry.Name).Order());
        Assert.Equal(3, all.Count(entry => entry.GrainId == grain || entry.GrainId == other));
    }
}
