namespace Platform.Actors;

/// <summary>On a grain class: its own idle collection age instead of the silo's, as a TimeSpan text ("00:05:00").</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CollectionAgeLimitAttribute(string age) : Attribute
{
    public TimeSpan Age { get; } = TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture);
}
