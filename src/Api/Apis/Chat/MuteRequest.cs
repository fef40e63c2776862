namespace Platform.Api.Apis.Chat;

public sealed record MuteRequest(Guid? UserId, int? Minutes);
