using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Hosting;

/// <summary>How silos place grains and talk to each other. Section <c>Platform:Cluster</c>.</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Platform:Cluster";

    /// <summary>Where a grain that has no activation anywhere is activated.</summary>
    public PlacementStrategy Placement { get; set; } = PlacementStrategy.Random;

    /// <summary>How often a message may be forwarded or routed again before it fails with <see cref="SiloUnavailableException"/>.</summary>
    [Range(1, 32)]
    public int MaxForwardCount { get; set; } = 4;

    /// <summary>Frames waiting to be written to one connection; past this, new requests fail at once (back-pressure).</summary>
    [Range(16, 10_000_000)]
    public int SendQueueCapacity { get; set; } = 100_000;

    /// <summary>How long connecting to a silo may take before calls to it fail.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>After a failed connection attempt, sends to that silo fail at once for this long instead of connecting again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>A connection this side has written nothing on for this long gets a ping.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A connection the peer has sent nothing on, not even a ping, for this long is closed and its calls fail. Longer
    /// than the membership's death timeout: between silos, a silent silo is declared dead first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
