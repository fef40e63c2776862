using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Runtime;

[Collection(ClusterCollection.Name)]
public sealed class CallTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Call_chain_back_into_a_waiting_caller_completes()
    {
        var a = fixture.GrainFactory.GetGrain<IChainGrain>(Key());
        var b = Key();

        var answer = await a.CallThrough(b);

        Assert.Equal($"{b} heard {a.GetPrimaryKeyString()}", answer);
    }

    [Fact]
    public async Task Call_chain_back_into_a_waiting_caller_fails_at_once_naming_the_chain_when_reentrancy_is_off()
    {
        var options = fixture.Options();
        options.Settings["Platform:Messaging:AllowCallChainReentrancy"] = "false";
        await using var cluster = await TestCluster.StartAsync(options);
        var a = cluster.GrainFactory.GetGrain<IChainGrain>("a-" + Key());
        var b = "b-" + Key();

        var error = await Assert.ThrowsAsync<DeadlockException>(() => a.CallThrough(b).WaitAsync(TimeSpan.FromSeconds(5)));

        Assert.Contains($"chain/{a.GetPrimaryKeyString()} → chain/{b} → chain/{a.GetPrimaryKeyString()}", error.Message);
    }

    [Fact]
    public async Task Exception_thrown_in_a_grain_reaches_the_caller_with_its_type_and_message()
    {
        var grain = fixture.GrainFactory.GetGrain<IFaultyGrain>(Key());

        var error = await Assert.ThrowsAsync<GrainFaultException>(() => grain.Throw("bad thing"));
        var later = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ThrowAfterAwait("later thing"));

        Assert.Equal("bad thing", error.Message);
        Assert.Equal("later thing", later.Message);
        Assert.Equal("pong", await grain.Ping());
    }

    [Fact]
    public async Task Call_that_gets_no_answer_fails_with_a_timeout_naming_the_call()
    {
        var grain = fixture.GrainFactory.GetGrain<IFaultyGrain>(Key());

        var error = await Assert.ThrowsAsync<TimeoutException>(() => grain.Hang().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Contains("IFaultyGrain.Hang", error.Message);
    }

    [Fact]
    public async Task Silo_stops_without_error_when_a_request_never_finishes()
    {
        var options = fixture.Options();
        var configure = options.ConfigureServices;
        // The host gives up on shutdown before the silo's own deactivation timeout does.
        options.ConfigureServices = services =>
        {
            configure?.Invoke(services);
            services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        };
        await using var cluster = await TestCluster.StartAsync(options);
        var grain = cluster.GrainFactory.GetGrain<IFaultyGrain>(Key());
        await Assert.ThrowsAsync<TimeoutException>(() => grain.Hang());

        await cluster.StopSiloAsync(cluster.Silos[0]).WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Arguments_and_results_are_not_shared_between_caller_and_grain()
    {
        var grain = fixture.GrainFactory.GetGrain<IValueGrain>(Guid.NewGuid());
        var sent = new List<string> { "a", "b" };

        await grain.Keep(sent);
        sent.Add("changed by the caller");
        var received = await grain.Items();
        received.Add("changed by the caller too");

        Assert.Equal(["a", "b"], await grain.Items());
    }

    private static string Key() => Guid.NewGuid().ToString("N");
}
