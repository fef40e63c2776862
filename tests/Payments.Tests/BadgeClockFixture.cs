using Microsoft.Extensions.DependencyInjection;
using Platform.Actors;
using Platform.Actors.Testing;
using Platform.Grains;

namespace Platform.Payments.Tests;

/// <summary>A silo with Platform's grains whose clock moves only when a test advances it: badge windows and expiry without waiting.</summary>
public sealed class BadgeClockFixture : IAsyncLifetime
{
    /// <summary>
    /// Shorter than the contract's 7 and 30 days: a manual clock fires every periodic timer of the silo on the way
    /// (heartbeats, reminder refreshes), so advancing it by a month would take minutes. The rule is the same.
    /// </summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);
    public static readonly TimeSpan BadgeLifetime = TimeSpan.FromHours(6);

    private TestDatabase _database = null!;

    public ManualTimeProvider Clock { get; } = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var options = new TestClusterOptions { ConnectionString = _database.ConnectionString };
        options.GrainAssemblies.Add(typeof(GrainsAssembly).Assembly);
        options.Settings["Platform:Reminders:MinimumPeriod"] = "00:00:01";
        options.Settings["Platform:Reminders:RefreshPeriod"] = "01:00:00";
        options.Settings["Platform:Membership:HeartbeatPeriod"] = "00:10:00";
        options.Settings["Platform:Membership:DeathTimeout"] = "01:00:00";
        options.Settings["Platform:GrainCollection:CollectionQuantum"] = "01:00:00";
        options.Settings["Platform:Badges:Window"] = Window.ToString();
        options.Settings["Platform:Badges:BadgeLifetime"] = BadgeLifetime.ToString();
        options.Settings["Platform:Badges:ReminderPeriod"] = "01:00:00";
        options.ConfigureServices = services => services.AddPlatformGrains().AddSingleton<TimeProvider>(Clock);
        Cluster = await TestCluster.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await _database.DisposeAsync();
    }
}
