namespace Platform.Grains.Lobbies;

public sealed record LobbySettings(int MaxPlayers, int QuestionCount, int SecondsPerQuestion, string? Category, bool IsPrivate);
