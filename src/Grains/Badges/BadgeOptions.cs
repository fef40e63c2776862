using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Badges;

/// <summary>The badge rule of the contract's "Rules and their defaults": 5 paid tips to a café within 7 days earn its "regular" badge for 30 days.</summary>
public sealed class BadgeOptions
{
    public const string SectionName = "Platform:Badges";

    /// <summary>Paid tips to one café, within <see cref="Window"/>, that earn its badge.</summary>
    [Range(1, 1000)]
    public int TipsForRegular { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a badge lasts after the tip that earned (or renewed) it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan BadgeLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The expiry reminder's period; it re-arms for the next badge to end, so this only matters as a safety net.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromHours(1);
}
