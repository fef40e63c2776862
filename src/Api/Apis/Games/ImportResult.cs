namespace Platform.Api.Apis.Games;

public sealed record ImportResult(int Added, int Skipped);
