namespace Platform.Actors.Tests.Grains;

public interface INewsGrain : IGrainWithStringKey
{
    Task Subscribe(INewsObserver observer);

    Task Publish(string headline);

    Task<int> SubscriberCount();
}
