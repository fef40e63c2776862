namespace Platform.Actors.Reminders;

/// <summary>Durable reminders, so that they fire again after a restart.</summary>
public interface IReminderTable
{
    Task<IReadOnlyList<ReminderEntry>> ReadAllAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<ReminderEntry>> ReadAsync(GrainId grainId, CancellationToken cancellationToken);

    Task<ReminderEntry?> ReadAsync(GrainId grainId, string reminderName, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces a reminder and returns its new etag.</summary>
    Task<string> UpsertAsync(ReminderEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes a reminder if its etag is still <paramref name="etag"/>; false when it was not there or had moved.</summary>
    Task<bool> RemoveAsync(GrainId grainId, string reminderName, string etag, CancellationToken cancellationToken);
}
