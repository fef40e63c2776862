namespace Platform.Actors;

/// <summary>On a type: its instances are never changed after construction, so they cross grain boundaries without a copy.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class ImmutableAttribute : Attribute;
