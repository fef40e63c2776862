namespace Platform.Actors.Tests.Grains;

public sealed class NewsGrain(TimeProvider time) : Grain, INewsGrain
{
    private readonly ObserverManager<INewsObserver> _subscribers = new(TimeSpan.FromMinutes(1), time);

    public Task Subscribe(INewsObserver observer)
    {
        _subscribers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Publish(string headline)
    {
        _subscribers.Notify(s => s.NewsArrived(headline));
        return Task.CompletedTask;
    }

    public Task<int> SubscriberCount()
    {
        _subscribers.ClearExpired();
        return Task.FromResult(_subscribers.Count);
    }
}
