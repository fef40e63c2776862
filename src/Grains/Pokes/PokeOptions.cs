using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Pokes;

public sealed class PokeOptions
{
    public const string SectionName = "Platform:Pokes";

    /// <summary>How long a poke waits for an answer (410 <c>gone</c> after).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(24);
}
