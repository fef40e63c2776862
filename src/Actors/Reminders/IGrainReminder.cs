namespace Platform.Actors;

/// <summary>A handle on a registered reminder, for unregistering it.</summary>
public interface IGrainReminder
{
    string ReminderName { get; }
}
