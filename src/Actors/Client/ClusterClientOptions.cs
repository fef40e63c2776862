using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Client;

/// <summary>How a cluster client finds and keeps a gateway. Section <c>Platform:ClusterClient</c>.</summary>
public sealed class ClusterClientOptions
{
    public const string SectionName = "Platform:ClusterClient";

    /// <summary>How long to wait before trying again when no gateway (active silo) answers.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan GatewayRetryPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long connecting to a gateway may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Frames waiting to be written to the gateway; past this, new calls fail at once.</summary>
    [Range(16, 10_000_000)]
    public int SendQueueCapacity { get; set; } = 100_000;

    /// <summary>The gateway connection gets a ping when the client has written nothing on it for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan KeepAlivePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A gateway that has sent nothing, not even a ping, for this long is left for another: its connection closes,
    /// the calls on it fail, and later calls go through the next gateway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "01:00:00")]
    public TimeSpan IdleConnectionTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
