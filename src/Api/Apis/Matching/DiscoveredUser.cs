using System.Collections.Immutable;

namespace Platform.Api.Apis.Matching;

public sealed record DiscoveredUser(Guid UserId, string Username, ImmutableArray<string> SharedInterests, int Score);
