namespace Platform.Actors;

/// <summary>About one reminder tick: when the reminder started, its period, and when this tick was due.</summary>
public readonly record struct TickStatus(DateTimeOffset FirstTickTime, TimeSpan Period, DateTimeOffset CurrentTickTime);
