namespace Platform.Api.Apis.Games;

public sealed record ImportQuestionsRequest(string? Category, ImportedQuestion?[]? Questions);
