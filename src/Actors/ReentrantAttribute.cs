namespace Platform.Actors;

/// <summary>On a grain class: its activations may interleave requests at await points (still one thread at a time).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReentrantAttribute : Attribute;
