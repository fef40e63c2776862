using System.Collections.Immutable;

namespace Platform.Grains.Games;

public sealed record GameSetup(string LobbyCode, int QuestionCount, int SecondsPerQuestion, string? Category, ImmutableArray<GamePlayer> Players);
