using System.ComponentModel.DataAnnotations;

namespace Platform.Grains.Dms;

public sealed class DmOptions
{
    public const string SectionName = "Platform:Dms";

    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;
}
