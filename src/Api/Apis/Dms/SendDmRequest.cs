namespace Platform.Api.Apis.Dms;

public sealed record SendDmRequest(string? Content);
