namespace Platform.Api.Apis.Users;

public sealed record PokeEnabledRequest(bool? Enabled);
