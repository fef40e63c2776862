namespace Platform.Actors;

/// <summary>Implemented by grains that register durable reminders; the runtime calls it on every tick.</summary>
public interface IRemindable : IGrain
{
    Task ReceiveReminder(string reminderName, TickStatus status);
}
