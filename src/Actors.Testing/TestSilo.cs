using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.Actors.Membership;

namespace Platform.Actors.Testing;

/// <summary>One silo of a <see cref="TestCluster"/>, a host of its own inside the test process.</summary>
public sealed class TestSilo(IHost host, int number, int port)
{
    public int Number { get; } = number;

    /// <summary>The silo's port, kept when it restarts.</summary>
    public int Port { get; } = port;

    public IHost Host { get; } = host;

    public IServiceProvider Services => Host.Services;

    public IGrainFactory GrainFactory => Services.GetRequiredService<IGrainFactory>();

    /// <summary>The silo's address and generation in the cluster (a restart keeps the address and takes a new generation).</summary>
    public SiloAddress Address => Services.GetRequiredService<MembershipAgent>().Address;

    /// <summary>The active silos in this silo's view of the cluster.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos => Membership.ActiveSilos;

    private MembershipAgent Membership => Services.GetRequiredService<MembershipAgent>();

    /// <summary>
    /// Completes once this silo's view of the cluster satisfies <paramref name="condition"/> (checked at once,
    /// then after each membership change), so tests wait on events instead of sleeping.
    /// </summary>
    public Task WaitForViewAsync(Func<IReadOnlyList<SiloAddress>, bool> condition, TimeSpan timeout)
    {
        var membership = Membership;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (!condition(membership.ActiveSilos)) return;
            membership.ViewChanged -= Check;
            done.TrySetResult();
        }

        membership.ViewChanged += Check;
        Check();
        return done.Task.WaitAsync(timeout);
    }

    public override string ToString() => $"silo {Number}";
}
