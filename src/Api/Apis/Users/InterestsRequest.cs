namespace Platform.Api.Apis.Users;

public sealed record InterestsRequest(string?[]? Interests);
