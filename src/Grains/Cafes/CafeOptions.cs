using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Cafes;

/// <summary>The café rules of the contract's "Rules and their defaults".</summary>
public sealed class CafeOptions
{
    public const string SectionName = "Platform:Cafes";

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan JoinTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Messages a café keeps in memory and hands to whoever joins.</summary>
    [Range(1, 1000)]
    public int RecentMessages { get; set; } = 50;

    [Range(1, 10_000)]
    public int MaxMessageLength { get; set; } = 1000;

    /// <summary>
    /// Inserts of a café's messages that may be on their way at once. Messages that arrive meanwhile go in the next
    /// insert together; with one at a time, a message waits for the insert before it and then for its own.
    /// </summary>
    [Range(1, 64)]
    public int MessageInsertsInFlight { get; set; } = 4;

    /// <summary>
    /// Presence is pushed at most this often: each push carries everyone online, so a crowd arriving at once would
    /// otherwise cost the square of its size in deliveries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan PresenceInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages one user may send into one café per minute (a token bucket of this size, refilled evenly).</summary>
    [Range(1, 10_000)]
    public int MessagesPerMinute { get; set; } = 30;

    /// <summary>The same text as one's previous message within this window is refused as spam.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>More links than this in one message is refused as spam.</summary>
    [Range(0, 100)]
    public int MaxLinks { get; set; } = 2;

    /// <summary>A character repeated this many times in a row is let through with a warning.</summary>
    [Range(2, 100)]
    public int RepeatedCharacterRun { get; set; } = 7;

    /// <summary>A message whose letters are more than this share capitals is let through with a warning.</summary>
    [Range(0.0, 1.0)]
    public double ShoutingShare { get; set; } = 0.5;

    /// <summary>Refusals within <see cref="RefusalWindow"/> that mute the sender.</summary>
    [Range(1, 100)]
    public int RefusalsToMute { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RefusalWindow { get; set; } = TimeSpan.FromHours(1);

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MuteDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A user's typing indicator is pushed at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Trending topics count the words of the messages of this window.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan TopicsWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Only words longer than this count as topics.</summary>
    [Range(0, 100)]
    public int TopicMinimumLetters { get; set; } = 4;

    [Range(1, 100)]
    public int TopicsCount { get; set; } = 10;

    /// <summary>Topics are pushed when they change, at most this often.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan TopicsInterval { get; set; } = TimeSpan.FromSeconds(5);
}
