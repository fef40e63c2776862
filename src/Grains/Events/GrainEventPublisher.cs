using Platform.Actors;

namespace Platform.Grains.Events;

/// <summary>
/// One grain's event stream: the API nodes subscribed to it, and the events it sends them. Each event is
/// serialized once here; every node relays the same JSON to its clients.
/// </summary>
public sealed class GrainEventPublisher(string stream, TimeSpan subscriptionLifetime, TimeProvider time)
{
    private readonly ObserverManager<IGrainEventObserver> _observers = new(subscriptionLifetime, time);

    public string Stream { get; } = stream;

    public void Subscribe(IGrainEventObserver observer) => _observers.Subscribe(observer);

    public void Unsubscribe(IGrainEventObserver observer) => _observers.Unsubscribe(observer);

    public void Publish<T>(string name, T payload)
    {
        if (_observers.Count > 0) Publish(name, RawJson.From(payload));
    }

    public void Publish(string name, RawJson payload)
    {
        var grainEvent = new GrainEvent(Stream, name, payload);
        _observers.Notify(observer => observer.OnEvent(grainEvent));
    }
}
