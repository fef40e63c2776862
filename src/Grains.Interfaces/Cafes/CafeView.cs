namespace Platform.Grains.Cafes;

/// <summary>The contract's café.</summary>
public sealed record CafeView(Guid Id, string Name, string Address, Guid OwnerId, int OnlineCount);
