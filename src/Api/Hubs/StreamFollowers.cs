namespace Platform.Api.Hubs;

/// <summary>The connections on this node that follow one stream.</summary>
internal sealed class StreamFollowers(string stream)
{
    public string Stream { get; } = stream;

    /// <summary>Serializes subscribe and unsubscribe with the changes of <see cref="Connections"/>.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public HashSet<string> Connections { get; } = [];
}
