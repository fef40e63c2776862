using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Events;

public sealed class GrainEventOptions
{
    public const string SectionName = "Platform:Events";

    /// <summary>How long a subscription lasts unless renewed; API nodes renew at a third of it.</summary>
    [Range(typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromMinutes(3);
}
