using Microsoft.Extensions.DependencyInjection;
using Platform.Actors;
using Platform.Actors.Testing;

namespace Platform.Grains.Tests;

/// <summary>
/// Tests on a one-silo cluster of Platform's grains, on a database of its own, whose clock moves only when the
/// test advances it: reminders, timers and leases come due at once.
/// </summary>
public abstract class ManualClockClusterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    protected ManualTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    protected TestCluster Cluster { get; private set; } = null!;

    /// <summary>The silo's grain factory; references taken before a restart belong to the stopped silo.</summary>
    protected IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var options = new TestClusterOptions
        {
            ConnectionString = _database.ConnectionString,
            ConfigureServices = services =>
            {
                services.AddPlatformGrains();
                services.AddSingleton<TimeProvider>(Clock);
            },
        };
        options.GrainAssemblies.Add(typeof(GrainsAssembly).Assembly);
        options.Settings["Platform:PasswordHasher:IterationCount"] = "1000";
        Configure(options.Settings);
        Cluster = await TestCluster.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>Settings of this class's silo beyond the defaults.</summary>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    /// <summary>Stops the silo and starts it again on the same database, as a crash and a restart would leave it.</summary>
    protected async Task RestartSiloAsync()
    {
        // A silo's generation is its start time: the clock moves a little so the restarted silo has a new one.
        Clock.Advance(TimeSpan.FromMilliseconds(1));
        await Cluster.RestartSiloAsync(Cluster.Silos[0]);
    }

    /// <summary>
    /// Waits for what the clock set off to reach its grain (a reminder's or a timer's call comes a moment after the
    /// clock moved), with a deadline.
    /// </summary>
    protected static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition()) await Task.Delay(20, deadline.Token);
    }
}
