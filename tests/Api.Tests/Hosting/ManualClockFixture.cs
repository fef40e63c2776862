using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Platform.Actors.Testing;

namespace Platform.Api.Tests.Hosting;

/// <summary>
/// A host on a clock that moves only when a test advances it, so that a guest's 24 hours or a grain's idle
/// collection pass at once; the tests of its collection run one after another and may each move it on. Access
/// tokens are checked against this clock too (the token library would use the real one), and last a day here,
/// so that those issued before a jump are still good for what the test does next.
/// </summary>
public sealed class ManualClockFixture : PlatformFixture
{
    public static readonly TimeSpan GuestLifetime = TimeSpan.FromHours(24);

    /// <summary>How long a grain stays idle before it is collected.</summary>
    public static readonly TimeSpan CollectionAge = TimeSpan.FromMinutes(15);

    /// <summary>How often idle grains are looked for.</summary>
    public static readonly TimeSpan CollectionQuantum = TimeSpan.FromMinutes(1);

    public ManualTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Platform:Accounts:GuestLifetime"] = GuestLifetime.ToString();
        settings["Platform:Auth:AccessTokenLifetime"] = "1.00:00:00";
        settings["Platform:GrainCollection:CollectionAge"] = CollectionAge.ToString();
        settings["Platform:GrainCollection:CollectionQuantum"] = CollectionQuantum.ToString();

        // Presence goes out at once instead of at the end of an interval this clock would only reach when moved.
        settings["Platform:Cafes:PresenceInterval"] = "00:00:00";

        // Fewer timers to fire while the clock jumps a day; nothing here depends on them.
        settings["Platform:Membership:HeartbeatPeriod"] = "00:10:00";
        settings["Platform:Membership:DeathTimeout"] = "01:00:00";
        settings["Platform:Reminders:RefreshPeriod"] = "1.00:00:00";
    }

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(Clock);
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
            options.TokenValidationParameters.LifetimeValidator = ValidateLifetime);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        if (expires < now - parameters.ClockSkew) throw new SecurityTokenExpiredException("The token expired by the fixture's clock.") { Expires = expires.Value };
        return !(notBefore > now + parameters.ClockSkew) && expires is not null;
    }
}
