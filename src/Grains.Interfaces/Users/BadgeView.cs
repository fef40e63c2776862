namespace Platform.Grains.Users;

public sealed record BadgeView(string Type, Guid CafeId, DateTimeOffset AwardedAt, DateTimeOffset ExpiresAt);
