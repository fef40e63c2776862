namespace Platform.Grains.Cafes.Chat;

/// <summary>What the spam rules make of a message: refused (with why), let through with a warning, or fine.</summary>
internal readonly record struct SpamVerdict(string? Refusal, string? Warning)
{
    public static readonly SpamVerdict Fine = new(null, null);
}
