using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Hosting;

/// <summary>When idle activations are collected, and how long activation steps may take. Section <c>Platform:GrainCollection</c>.</summary>
public sealed class GrainCollectionOptions
{
    public const string SectionName = "Platform:GrainCollection";

    /// <summary>An activation unused for this long is deactivated (Orleans: 15 minutes).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "365.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for (Orleans: each minute).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long <c>OnActivateAsync</c> may take before its cancellation token fires.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ActivationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>OnDeactivateAsync</c>, and a shutdown waiting for running requests, may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan DeactivationTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
