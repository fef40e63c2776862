namespace Platform.Actors;

/// <summary>On a grain interface method: the caller does not wait for the call to run, and gets no result or error.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OneWayAttribute : Attribute;
