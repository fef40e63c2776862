namespace Platform.Grains.Events;

/// <summary>The hub events of the client contract that grains raise.</summary>
public static class EventNames
{
    public const string ChatMessage = "chatMessage";
    public const string Presence = "presence";
    public const string AccountExpired = "accountExpired";
    public const string Typing = "typing";
    public const string Topics = "topics";
    public const string MessageDeleted = "messageDeleted";
    public const string PokeReceived = "pokeReceived";
    public const string PokeMatched = "pokeMatched";
    public const string DmMessage = "dmMessage";
    public const string DmMessageDeleted = "dmMessageDeleted";
    public const string LobbyUpdated = "lobbyUpdated";
    public const string GameStarted = "gameStarted";
    public const string Question = "question";
    public const string QuestionEnded = "questionEnded";
    public const string GameEnded = "gameEnded";
}
