using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class SchedulingTests(ClusterFixture fixture)
{
    private const string Plain = "Platform.Actors.Tests.Grains.InterleavingGrain";
    private const string Reentrant = "Platform.Actors.Tests.Grains.ReentrantInterleavingGrain";

    [Fact]
    public async Task Requests_to_one_activation_never_interleave()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), Plain);

        var mostInside = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.Hold(20)));

        Assert.Equal(1, mostInside.Max());
    }

    [Fact]
    public async Task Reentrant_grain_interleaves_requests_at_await_points()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), Reentrant);

        var mostInside = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => grain.Hold(50)));

        Assert.True(mostInside.Max() > 1, $"at most {mostInside.Max()} request ran at once");
    }

    [Fact]
    public async Task AlwaysInterleave_method_runs_while_another_request_holds_the_turn()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), Plain);

        var waiting = grain.WaitForSignal();
        await grain.SignalInterleaved();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ReadOnly_methods_interleave_with_each_other()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), Plain);

        var waiting = grain.WaitForSignalReadOnly();
        await grain.SignalReadOnly();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Write_waits_for_a_running_read_only_request()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), Plain);

        var reading = grain.WaitForSignalReadOnly();
        var writing = grain.Signal();
        await grain.SignalInterleaved();
        await Task.WhenAll(reading, writing).WaitAsync(TimeSpan.FromSeconds(10));

        // The write was sent first: had it not waited for the read, it would have signalled first.
        Assert.Equal(["SignalInterleaved", "Signal"], await grain.Signals());
    }

    [Fact]
    public async Task Reentrant_grain_lets_a_request_signal_one_that_waits()
    {
        var grain = fixture.GrainFactory.GetGrain<IInterleavingGrain>(Key(), Reentrant);

        var waiting = grain.WaitForSignal();
        await grain.Signal();

        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
