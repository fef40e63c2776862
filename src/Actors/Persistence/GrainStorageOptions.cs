using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Persistence;

/// <summary>How grain state writes are batched, bound from <c>Platform:GrainStorage</c>.</summary>
public sealed class GrainStorageOptions
{
    public const string SectionName = "Platform:GrainStorage";

    /// <summary>Most writes sent in one statement. Larger batches save round trips but hold row locks longer.</summary>
    [Range(1, 10_000, ErrorMessage = "Platform:GrainStorage:MaxBatchSize must be between 1 and 10000.")]
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Loops sending batches, each on its own connection held open. Each grain's writes always go through
    /// the same loop, so they stay in order. More loops mean more statements in flight but smaller batches,
    /// and every statement pays a commit: on a two-core machine two loops did best from 16 to 256 writers.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Platform:GrainStorage:WriterCount must be between 1 and 64.")]
    public int WriterCount { get; set; } = 2;
}
