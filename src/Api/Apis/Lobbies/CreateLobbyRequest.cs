namespace Platform.Api.Apis.Lobbies;

public sealed record CreateLobbyRequest(string? Name, int? MaxPlayers, int? QuestionCount, int? SecondsPerQuestion, string? Category, bool? IsPrivate);
