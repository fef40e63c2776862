namespace Platform.Api.Apis;

public sealed record HealthResponse(string Status);
