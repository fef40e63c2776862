using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Runtime;

[Collection(ManualClockCollection.Name)]
public sealed class TimerTests(ManualClockFixture fixture)
{
    [Fact]
    public async Task Timer_ticks_each_period()
    {
        var key = Key();
        var grain = fixture.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(TimeSpan.FromSeconds(1));

        fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await fixture.Probe.WaitForAsync($"timer:{key}");
        await grain.Ping(); // the tick's turn, which re-arms the timer, ends before this call runs
        fixture.Clock.Advance(TimeSpan.FromSeconds(1));

        await fixture.Probe.WaitForAsync(_ => fixture.Probe.Count($"timer:{key}") == 2);
    }

    [Fact]
    public async Task Timers_stop_when_the_grain_deactivates()
    {
        var key = Key();
        var grain = fixture.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.StartTimer(TimeSpan.FromSeconds(1));
        var timersWhileActive = fixture.Clock.ActiveTimers;

        await grain.Deactivate();
        await fixture.Probe.WaitForAsync($"deactivated:{key}:ApplicationRequested");
        await grain.Ping(); // runs on a new activation, once the old one has finished deactivating

        Assert.Equal(timersWhileActive - 1, fixture.Clock.ActiveTimers);
    }

    [Fact]
    public async Task Idle_activation_is_collected_after_the_collection_age_and_not_before()
    {
        var key = Key();
        var grain = fixture.GrainFactory.GetGrain<ITimerGrain>(key);
        await grain.Ping();

        fixture.Clock.Advance(TimeSpan.FromMinutes(9));
        // Had the activation been collected, this call would wait for its deactivation to finish.
        await grain.Ping();
        Assert.Equal(0, fixture.Probe.Count($"deactivated:{key}:ActivationIdle"));

        // The activation books the end of a request just after answering it, so on a busy machine the clock may move
        // before that booking, and the collections on the way find it still busy. A later minute finds it idle.
        fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        for (var extra = 0; extra < 3 && !await CollectedWithinAsync(key, TimeSpan.FromSeconds(3)); extra++) fixture.Clock.Advance(TimeSpan.FromMinutes(1));

        await fixture.Probe.WaitForAsync($"deactivated:{key}:ActivationIdle");
    }

    [Fact]
    public async Task Observer_gets_events_and_its_subscription_expires_unless_renewed()
    {
        var news = fixture.GrainFactory.GetGrain<INewsGrain>(Key());
        var observer = new NewsObserver();
        var reference = fixture.GrainFactory.CreateObjectReference<INewsObserver>(observer);
        await news.Subscribe(reference);

        await news.Publish("first");
        Assert.Equal("first", await observer.Next());

        fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        await news.Subscribe(reference);
        fixture.Clock.Advance(TimeSpan.FromSeconds(50));
        await news.Publish("renewed");
        Assert.Equal("renewed", await observer.Next());

        fixture.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(0, await news.SubscriberCount());
        fixture.GrainFactory.DeleteObjectReference<INewsObserver>(observer);
    }

    private async Task<bool> CollectedWithinAsync(string key, TimeSpan wait)
    {
        try
        {
            await fixture.Probe.WaitForAsync($"deactivated:{key}:ActivationIdle", timeout: wait);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static string Key() => Guid.NewGuid().ToString("N");

    private sealed class NewsObserver : INewsObserver
    {
        private readonly System.Threading.Channels.Channel<string> _headlines = System.Threading.Channels.Channel.CreateUnbounded<string>();

        public void NewsArrived(string headline) => _headlines.Writer.TryWrite(headline);

        public async Task<string> Next() => await _headlines.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
