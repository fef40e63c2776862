namespace Platform.Api.Apis.Games;

public sealed record ImportedQuestion(string? Text, string?[]? Options, int? CorrectIndex, int? Points);
