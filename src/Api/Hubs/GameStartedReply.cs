namespace Platform.Api.Hubs;

/// <summary>What <c>StartGame</c> answers.</summary>
public sealed record GameStartedReply(Guid GameId);
