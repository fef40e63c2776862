namespace Platform.Grains.Lobbies;

/// <summary>An entry of the public lobby list.</summary>
public sealed record LobbySummary(Guid Id, string Code, string Name, Guid HostId, string HostName, string? Category, int PlayerCount, int MaxPlayers);
