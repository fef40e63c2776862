namespace Platform.Api.Apis.Pokes;

public sealed record SendPokeRequest(Guid? ToUserId, string? SharedInterest);
