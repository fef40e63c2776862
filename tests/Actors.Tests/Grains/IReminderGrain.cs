namespace Platform.Actors.Tests.Grains;

public interface IReminderGrain : IGrainWithStringKey
{
    Task Start(TimeSpan period);

    Task Stop();
}
