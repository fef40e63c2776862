namespace Platform.Api.Tests.Hosting;

/// <summary>The shared host: default rules, limits out of the way, and one admin name for the question bank.</summary>
public sealed class ApiFixture : PlatformFixture
{
    /// <summary>The member registered under this name may import questions.</summary>
    public string AdminUsername { get; } = Names.Username();

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Platform:Api:AdminUsernames:0"] = AdminUsername;

        // More fan-out lanes than this machine has cores, so that every hub test runs with events split over lanes.
        settings["Platform:Api:FanOutLanes"] = "4";
    }
}
