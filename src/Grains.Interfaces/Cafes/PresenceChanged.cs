using System.Collections.Immutable;

namespace Platform.Grains.Cafes;

/// <summary>The <c>presence</c> event.</summary>
public sealed record PresenceChanged(Guid CafeId, ImmutableArray<OnlineUser> Online);
