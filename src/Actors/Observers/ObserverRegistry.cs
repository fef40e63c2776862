using System.Collections.Concurrent;
using Platform.Actors.Runtime;

namespace Platform.Actors.Observers;

/// <summary>
/// The observer objects this process hosts. Each has its own work queue, so the calls it receives run
/// one at a time and in the order they were sent: events keep their order.
/// </summary>
internal sealed class ObserverRegistry(Action<Exception> onUnhandled)
{
    public const string GrainType = "sys.observer";

    private readonly ConcurrentDictionary<string, Entry> _byKey = new();
    private readonly Dictionary<IGrainObserver, Entry> _byObject = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The process that hosts these observers (a silo address or a client id), written into each observer's
    /// key so that a call to it can be routed to this process from anywhere; null in a silo on its own.
    /// </summary>
    public string? OwnerId { get; set; }

    /// <summary>The process that hosts an observer, from its key.</summary>
    public static string? OwnerOf(GrainId observer)
    {
        var hash = observer.Key.LastIndexOf('#');
        return hash < 0 ? null : observer.Key[..hash];
    }

    public GrainId Register(IGrainObserver observer)
    {
        lock (_byObject)
        {
            if (_byObject.TryGetValue(observer, out var existing)) return existing.GrainId;
            var entry = new Entry(observer, new GrainId(GrainType, OwnerId is null ? Guid.NewGuid().ToString("N") : $"{OwnerId}#{Guid.NewGuid():N}"), new ActivationWorkQueue(onUnhandled));
            _byObject.Add(observer, entry);
            _byKey[entry.GrainId.Key] = entry;
            return entry.GrainId;
        }
    }

    public void Unregister(IGrainObserver observer)
    {
        lock (_byObject)
        {
            if (_byObject.Remove(observer, out var entry)) _byKey.TryRemove(entry.GrainId.Key, out _);
        }
    }

    public void Deliver(Message message)
    {
        if (!_byKey.TryGetValue(message.Target.Key, out var entry))
        {
            Catalog.Fail(message, new KeyNotFoundException(
                $"Observer {message.Target} is not registered here (deleted, or its process restarted); {message} was not run."));
            return;
        }

        entry.Queue.Post(static state => ((Delivery)state!).Run(), new Delivery(entry.Observer, message));
    }

    private sealed record Entry(IGrainObserver Observer, GrainId GrainId, ActivationWorkQueue Queue);

    private sealed record Delivery(IGrainObserver Observer, Message Message)
    {
        public void Run() => _ = Message.Request.InvokeAndRespondAsync(Observer, Message);
    }
}
