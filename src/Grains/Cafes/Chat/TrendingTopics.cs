using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Platform.Grains.Cafes.Chat;

/// <summary>
/// Word counts over the messages of a sliding window: words longer than the minimum, lower-cased, with links and
/// stop words left out. Each message's words are remembered until they leave the window, so counting is
/// incremental and a push costs a sort of the distinct words only.
/// </summary>
internal sealed partial class TrendingTopics(CafeOptions options)
{
    private readonly Queue<(DateTimeOffset At, string[] Words)> _window = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    public void Add(string content, DateTimeOffset at)
    {
        var words = Words().Matches(SpamGuard.Links().Replace(content, " "))
            .Select(match => match.Value.ToLowerInvariant())
            .Where(word => word.Length > options.TopicMinimumLetters && !StopWords.Contains(word))
            .ToArray();
        if (words.Length == 0) return;
        _window.Enqueue((at, words));
        foreach (var word in words) _counts[word] = _counts.GetValueOrDefault(word) + 1;
    }

    public ImmutableArray<TopicCount> Top(DateTimeOffset now)
    {
        while (_window.TryPeek(out var oldest) && now - oldest.At > options.TopicsWindow)
        {
            _window.Dequeue();
            foreach (var word in oldest.Words)
            {
                if (--_counts[word] == 0) _counts.Remove(word);
            }
        }

        return [.. _counts.OrderByDescending(entry => entry.Value).ThenBy(entry => entry.Key, StringComparer.Ordinal)
            .Take(options.TopicsCount).Select(entry => new TopicCount(entry.Key, entry.Value))];
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    // Common English words long enough to pass the length rule but saying nothing about a topic.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "about", "above", "after", "again", "against", "always", "another", "anyone", "anything", "around", "because",
        "before", "being", "below", "between", "cannot", "could", "didn't", "doesn", "doing", "during", "every",
        "everyone", "everything", "first", "going", "gonna", "great", "having", "maybe", "might", "never", "other",
        "others", "really", "right", "should", "since", "something", "still", "their", "there", "these", "thing",
        "things", "think", "those", "though", "through", "today", "under", "until", "where", "which", "while",
        "would", "yeah", "years", "yours", "thanks", "thank", "hello", "please", "pretty", "quite", "whats",
        "where", "whole", "without", "actually", "already", "anyway", "nothing", "someone", "somebody", "people",
    };
}
