using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Cafes;

/// <summary>The café rules of the contract's "Rules and their defaults".</summary>
public sealed class CafeOptions
{
    public const string SectionName = "Platform:Cafes";

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan JoinTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Messages a café keeps in memory and hands to whoever joins.</summary>
    [Range(1, 1000)]
    public int RecentMessages { get; set; } = 50;

    [Range(1, 10_000)]
    public int MaxMessageLength { get; set; } = 1000;

    /// <summary>
    /// Presence is pushed at most this often: each push carries everyone online, so a crowd arriving at once would
    /// otherwise cost the square of its size in deliveries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(1);
}
