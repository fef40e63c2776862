namespace Platform.Actors.Tests.Grains;

public interface ITimerGrain : IGrainWithStringKey
{
    Task StartTimer(TimeSpan period);

    Task Deactivate();

    Task<string> Ping();
}
