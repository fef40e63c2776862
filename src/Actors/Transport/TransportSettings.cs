namespace Platform.Actors.Transport;

/// <summary>The transport's limits, from <c>ClusterOptions</c> (silos) or <c>ClusterClientOptions</c> (clients).</summary>
internal sealed record TransportSettings(
    int SendQueueCapacity,
    TimeSpan ConnectTimeout,
    TimeSpan ReconnectDelay,
    TimeSpan KeepAlivePeriod,
    TimeSpan IdleConnectionTimeout);
