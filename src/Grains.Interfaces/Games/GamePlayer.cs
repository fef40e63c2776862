namespace Platform.Grains.Games;

public sealed record GamePlayer(Guid UserId, string Username);
