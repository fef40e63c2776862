namespace Platform.Grains.Events;

/// <summary>
/// Names of the event streams clients follow; each is also the name of the SignalR group its followers join
/// on every API node. A stream is <c>{kind}/{grain key}</c>.
/// </summary>
public static class EventStreams
{
    public const string CafeKind = "cafe";
    public const string UserKind = "user";
    public const string LobbyKind = "lobby";

    public static string Cafe(Guid cafeId) => $"{CafeKind}/{cafeId}";

    public static string User(Guid userId) => $"{UserKind}/{userId}";

    public static string Lobby(string code) => $"{LobbyKind}/{code}";

    public static (string Kind, string Key) Parse(string stream)
    {
        var slash = stream.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0) throw new ArgumentException($"'{stream}' is not an event stream name.", nameof(stream));
        return (stream[..slash], stream[(slash + 1)..]);
    }
}
