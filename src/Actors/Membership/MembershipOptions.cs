using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Membership;

/// <summary>
/// How silos watch each other. Section <c>Platform:Membership</c>. A silo that has not heartbeat for
/// <see cref="DeathTimeout"/> is declared dead by a probe its peers make at that moment: with the defaults,
/// 8 seconds after its last heartbeat, so within 10 seconds of its death.
/// </summary>
public sealed class MembershipOptions
{
    public const string SectionName = "Platform:Membership";

    /// <summary>How often a silo writes that it is alive, and reads the table to check on its peers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HeartbeatPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a silo may stay silent before its peers declare it dead.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan DeathTimeout { get; set; } = TimeSpan.FromSeconds(8);
}
