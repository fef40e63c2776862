using System.Collections.Immutable;

namespace Platform.Grains.Cafes;

/// <summary>The <c>topics</c> event.</summary>
public sealed record TopicsChanged(Guid CafeId, ImmutableArray<TopicCount> Topics);
