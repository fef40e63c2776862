using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Testing;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// A host on a clock that moves only when a test advances it, so a guest's 24 hours pass at once. The clock starts
/// at the real time, so tokens it issues look current to whatever checks them against the real clock; access
/// tokens last a day here, so those issued before a jump stay valid by either clock until the guest expires.
/// </summary>
public sealed class GuestExpiryFixture : PlatformFixture
{
    public static readonly TimeSpan GuestLifetime = TimeSpan.FromHours(24);

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Platform:Accounts:GuestLifetime"] = GuestLifetime.ToString();
        settings["Platform:Auth:AccessTokenLifetime"] = "1.00:00:00";

        // Fewer timers to fire while the clock jumps a day; nothing here depends on them.
        settings["Platform:Membership:HeartbeatPeriod"] = "00:10:00";
        settings["Platform:Membership:DeathTimeout"] = "01:00:00";
        settings["Platform:Reminders:RefreshPeriod"] = "1.00:00:00";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}
