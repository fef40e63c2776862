using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Persistence;

/// <summary>How state writes are batched. Section <c>Platform:GrainStorage</c>.</summary>
public sealed class GrainStorageOptions
{
    public const string SectionName = "Platform:GrainStorage";

    /// <summary>The most writes sent to PostgreSQL in one statement.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>How many batches may be in flight at once, each on its own connection.</summary>
    [Range(1, 64)]
    public int WriterCount { get; set; } = 4;
}
