using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class ActivationTests(ClusterFixture fixture)
{
    [Fact]
    public async Task First_call_activates_the_grain_and_later_calls_reach_the_same_activation()
    {
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(Key());

        var first = await grain.GetActivationId();
        var second = await fixture.GrainFactory.GetGrain<ICounterGrain>(grain.GetPrimaryKeyString()).GetActivationId();

        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Different_keys_have_different_activations()
    {
        var one = await fixture.GrainFactory.GetGrain<ICounterGrain>(Key()).GetActivationId();
        var other = await fixture.GrainFactory.GetGrain<ICounterGrain>(Key()).GetActivationId();

        Assert.NotEqual(one, other);
    }

    [Fact]
    public async Task Concurrent_first_calls_make_one_activation()
    {
        var key = Key();

        var ids = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => fixture.GrainFactory.GetGrain<ICounterGrain>(key).GetActivationId()));

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task After_DeactivateOnIdle_the_next_call_makes_a_new_activation()
    {
        var grain = fixture.GrainFactory.GetGrain<ICounterGrain>(Key());
        var before = await grain.GetActivationId();

        await grain.Deactivate();
        var after = await grain.GetActivationId();

        Assert.NotEqual(before, after);
        await fixture.Probe.WaitForAsync($"deactivated:{grain.GetPrimaryKeyString()}:ApplicationRequested");
    }

    [Fact]
    public void Unknown_grain_interface_is_refused_when_the_reference_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => fixture.GrainFactory.GetGrain<IUnimplementedGrain>("x"));

        Assert.Contains(nameof(IUnimplementedGrain), error.Message);
    }

    [Fact]
    public void Null_or_empty_key_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => fixture.GrainFactory.GetGrain<ICounterGrain>(null!));
        Assert.Throws<ArgumentException>(() => fixture.GrainFactory.GetGrain<ICounterGrain>(""));
    }

    [Fact]
    public async Task Constructor_that_throws_fails_the_call_and_the_next_call_tries_again()
    {
        var grain = fixture.GrainFactory.GetGrain<IFlakyConstructorGrain>(Key());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.Ping());
        Assert.Equal("The first construction fails.", error.Message);

        Assert.Equal("pong", await grain.Ping());
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
