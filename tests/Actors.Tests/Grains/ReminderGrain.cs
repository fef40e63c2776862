namespace Platform.Actors.Tests.Grains;

public sealed class ReminderGrain(TestProbe probe) : Grain, IReminderGrain, IRemindable
{
    public Task Start(TimeSpan period) => RegisterOrUpdateReminder("tick", period, period);

    public async Task Stop()
    {
        if (await GetReminder("tick") is { } reminder) await UnregisterReminder(reminder);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        probe.Record($"reminder:{this.GetPrimaryKeyString()}:{reminderName}");
        return Task.CompletedTask;
    }
}
