using Platform.Actors;

namespace Platform.Grains.Events;

/// <summary>
/// A grain whose events clients can follow. Subscriptions expire unless renewed by subscribing again, so an API
/// node that died without unsubscribing stops receiving events (and costing the grain) after a while.
/// </summary>
public interface IGrainEventSource : IGrain
{
    Task Subscribe(IGrainEventObserver observer);

    Task Unsubscribe(IGrainEventObserver observer);
}
