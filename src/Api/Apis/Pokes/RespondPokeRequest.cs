namespace Platform.Api.Apis.Pokes;

public sealed record RespondPokeRequest(Guid? PokeId, string? Action);
