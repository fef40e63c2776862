using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;
using Platform.Actors.Observers;

namespace Platform.Actors.Runtime;

/// <summary>Routes messages inside a silo: to the catalog's activations, or to observers hosted here.</summary>
internal sealed class SiloRuntime(Catalog catalog, ObserverRegistry observers, TimeProvider time, IOptions<MessagingOptions> options)
    : GrainReferenceRuntime(time, options.Value.ResponseTimeout)
{
    /// <summary>Routes between silos once the silo runs in a cluster; null for a silo on its own.</summary>
    internal Cluster.ClusterRouter? Router { get; set; }

    internal override void Send(Message message)
    {
        if (Router is { } router)
        {
            router.Route(message);
            return;
        }

        if (message.Target.Type == ObserverRegistry.GrainType) observers.Deliver(message);
        else catalog.Deliver(message);
    }
}
