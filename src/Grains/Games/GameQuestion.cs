namespace Platform.Grains.Games;

public sealed record GameQuestion(Guid Id, string Text, string[] Options, int CorrectIndex);
