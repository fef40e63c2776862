namespace Platform.Grains.Games;

public sealed record GameStarted(Guid GameId, string LobbyCode, int QuestionCount);
