using System.Collections.Immutable;

namespace Platform.Grains.Games;

/// <summary>The <c>question</c> event: no hint of the correct option until <c>questionEnded</c>.</summary>
public sealed record QuestionShown(Guid GameId, int Index, string Text, ImmutableArray<string> Options, DateTimeOffset Deadline);
