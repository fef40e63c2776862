namespace Platform.Grains.Cafes;

/// <summary>The <c>typing</c> event; clients let it fade after a few seconds.</summary>
public sealed record UserTyping(Guid CafeId, Guid UserId, string Username);
