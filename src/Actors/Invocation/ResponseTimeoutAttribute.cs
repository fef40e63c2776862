namespace Platform.Actors;

/// <summary>On a grain interface method: how long a caller waits for it instead of the runtime's default, as a TimeSpan text ("00:00:05").</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ResponseTimeoutAttribute(string timeout) : Attribute
{
    public TimeSpan Timeout { get; } = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);
}
