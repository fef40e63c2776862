using Platform.Actors;

namespace Platform.Grains.Events;

/// <summary>What an API node subscribes to a grain's events with; it relays each event to the stream's SignalR group.</summary>
public interface IGrainEventObserver : IGrainObserver
{
    void OnEvent(GrainEvent grainEvent);
}
