using System.Collections.Immutable;

namespace Platform.Grains.Users;

/// <summary>The contract's <c>user</c>.</summary>
public sealed record UserView(
    Guid Id,
    string Username,
    UserKind Kind,
    Guid? CafeId,
    ImmutableArray<string> Interests,
    bool PokeEnabled,
    ImmutableArray<BadgeView> Badges,
    DateTimeOffset? ExpiresAt);
