namespace Platform.Actors.Reminders;

internal sealed record GrainReminder(string ReminderName, string Etag) : IGrainReminder;
