using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Hosting;

/// <summary>Durable reminders. Section <c>Platform:Reminders</c>.</summary>
public sealed class ReminderOptions
{
    public const string SectionName = "Platform:Reminders";

    /// <summary>The shortest period a reminder may have (Orleans: one minute); tests lower it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan MinimumPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the silo re-reads the reminder table, to pick up reminders that others changed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
