using System.Collections.Immutable;

namespace Platform.Grains.Games;

public sealed record NewQuestion(string Text, ImmutableArray<string> Options, int CorrectIndex, int Points);
