using System.Text.RegularExpressions;

namespace Platform.Grains.Cafes.Chat;

/// <summary>
/// The contract's spam rules for one café: the same text as one's previous message within a window, or too many
/// links, is refused; a long run of one character, or shouting, passes with a warning. Refusals are counted, and
/// enough of them within a window mean the sender should be muted. Kept in memory: a café that deactivates
/// forgets who sent what, which costs at most one repeat going through.
/// </summary>
internal sealed partial class SpamGuard(CafeOptions options)
{
    private readonly Dictionary<Guid, Sender> _senders = [];

    public SpamVerdict Check(Guid userId, string content, DateTimeOffset now)
    {
        if (_senders.TryGetValue(userId, out var sender) && sender.LastContent is { } last
            && now - sender.LastSentAt < options.RepeatWindow && string.Equals(last, content, StringComparison.OrdinalIgnoreCase))
        {
            return new SpamVerdict("the same message again", null);
        }

        if (Links().Count(content) > options.MaxLinks) return new SpamVerdict($"more than {options.MaxLinks} links", null);
        if (HasRun(content, options.RepeatedCharacterRun)) return new SpamVerdict(null, "please don't stretch words");
        var letters = content.Count(char.IsLetter);
        if (letters >= 4 && content.Count(char.IsUpper) > letters * options.ShoutingShare) return new SpamVerdict(null, "please don't shout");
        return SpamVerdict.Fine;
    }

    public void Sent(Guid userId, string content, DateTimeOffset now)
    {
        var sender = SenderOf(userId);
        sender.LastContent = content;
        sender.LastSentAt = now;
    }

    /// <summary>Counts a refusal; true when it makes enough within the window to mute the sender.</summary>
    public bool Refused(Guid userId, DateTimeOffset now)
    {
        var refusals = SenderOf(userId).Refusals;
        refusals.Enqueue(now);
        while (refusals.TryPeek(out var oldest) && now - oldest > options.RefusalWindow) refusals.Dequeue();
        if (refusals.Count < options.RefusalsToMute) return false;
        refusals.Clear();
        return true;
    }

    private Sender SenderOf(Guid userId)
    {
        if (!_senders.TryGetValue(userId, out var sender)) _senders[userId] = sender = new Sender();
        return sender;
    }

    private static bool HasRun(string content, int length)
    {
        var run = 1;
        for (var i = 1; i < content.Length; i++)
        {
            run = content[i] == content[i - 1] && !char.IsWhiteSpace(content[i]) ? run + 1 : 1;
            if (run >= length) return true;
        }

        return false;
    }

    [GeneratedRegex(@"(https?://|www\.)\S+", RegexOptions.IgnoreCase)]
    internal static partial Regex Links();

    private sealed class Sender
    {
        public string? LastContent { get; set; }

        public DateTimeOffset LastSentAt { get; set; }

        public Queue<DateTimeOffset> Refusals { get; } = new();
    }
}
