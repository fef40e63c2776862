namespace Platform.Actors;

/// <summary>On a grain class: the grain type name in its ids, instead of the class name less "Grain", lower-cased.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
