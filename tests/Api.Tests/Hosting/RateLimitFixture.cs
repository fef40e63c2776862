namespace Platform.Api.Tests.Hosting;

/// <summary>A host whose per-address limit on the auth endpoints is 3 a minute, so that the 4th is refused.</summary>
public sealed class RateLimitFixture : PlatformFixture
{
    public const int AuthRequestsPerMinute = 3;

    protected override void Configure(IDictionary<string, string?> settings) =>
        settings["Platform:Api:AuthRequestsPerMinutePerAddress"] = AuthRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
