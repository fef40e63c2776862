using Platform.Actors.Reminders;

namespace Platform.Actors.Tests.Persistence;

[Collection(StorageCollection.Name)]
public sealed class ReminderTableTests(StorageFixture fixture)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Upserted_reminder_is_read_back_and_its_etag_moves_on_update()
    {
        var grain = NewGrain();
        var start = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var first = await fixture.Reminders.UpsertAsync(new ReminderEntry(grain, "tick", start, TimeSpan.FromMinutes(1)), None);
        var second = await fixture.Reminders.UpsertAsync(new ReminderEntry(grain, "tick", start, TimeSpan.FromMinutes(2)), None);

        var entry = await fixture.Reminders.ReadAsync(grain, "tick", None);

        Assert.NotEqual(first, second);
        Assert.Equal(new ReminderEntry(grain, "tick", start, TimeSpan.FromMinutes(2), second), entry);
        Assert.Single(await fixture.Reminders.ReadAsync(grain, None));
    }

    [Fact]
    public async Task Remove_with_a_stale_etag_leaves_the_reminder()
    {
        var grain = NewGrain();
        var stale = await fixture.Reminders.UpsertAsync(new ReminderEntry(grain, "tick", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)), None);
        var current = await fixture.Reminders.UpsertAsync(new ReminderEntry(grain, "tick", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1)), None);

        Assert.False(await fixture.Reminders.RemoveAsync(grain, "tick", stale, None));
        Assert.NotNull(await fixture.Reminders.ReadAsync(grain, "tick", None));
        Assert.True(await fixture.Reminders.RemoveAsync(grain, "tick", current, None));
        Assert.Null(await fixture.Reminders.ReadAsync(grain, "tick", None));
    }

    private static GrainId NewGrain() => new("reminder-test", Guid.NewGuid().ToString("N"));
}
