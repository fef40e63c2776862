namespace Platform.Actors.Reminders;

/// <summary>A stored reminder: it first fires at <see cref="StartAt"/>, then every <see cref="Period"/>.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, DateTimeOffset StartAt, TimeSpan Period, string? Etag = null);
