namespace Platform.Grains.Users;

/// <summary>The <c>accountExpired</c> event on a guest's own stream: its tokens stopped working and it left every room.</summary>
public sealed record AccountExpired(Guid UserId, DateTimeOffset ExpiredAt);
