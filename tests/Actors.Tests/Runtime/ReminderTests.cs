using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class ReminderTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Reminder_fires_and_fires_again_after_a_silo_restart()
    {
        var key = Guid.NewGuid().ToString("N");
        var tick = $"reminder:{key}:tick";
        await fixture.GrainFactory.GetGrain<IReminderGrain>(key).Start(TimeSpan.FromMilliseconds(200));
        await fixture.Probe.WaitForAsync(tick);

        await fixture.Cluster.RestartSiloAsync(fixture.Cluster.Silos[0]);
        var ticksBefore = fixture.Probe.Count(tick);

        await fixture.Probe.WaitForAsync(tick, includePast: false);
        Assert.True(fixture.Probe.Count(tick) > ticksBefore);
        await fixture.GrainFactory.GetGrain<IReminderGrain>(key).Stop();
    }

    [Fact]
    public async Task Reminder_with_a_period_below_the_minimum_is_refused()
    {
        var grain = fixture.GrainFactory.GetGrain<IReminderGrain>(Guid.NewGuid().ToString("N"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Start(TimeSpan.FromMilliseconds(10)));
    }
}
