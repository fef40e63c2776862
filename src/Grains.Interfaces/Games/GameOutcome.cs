namespace Platform.Grains.Games;

/// <summary>How a game ended for one player, for the player's stats and rating.</summary>
public sealed record GameOutcome(Guid GameId, int Score, bool Won, int RatingChange);
