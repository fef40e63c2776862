using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;
using Platform.Actors.Observers;

namespace Platform.Actors.Runtime;

/// <summary>Routes messages inside a silo: to the catalog's activations, or to observers hosted here.</summary>
internal sealed class SiloRuntime(Catalog catalog, ObserverRegistry observers, TimeProvider time, IOptions<MessagingOptions> options)
    : GrainReferenceRuntime(time, options.Value.ResponseTimeout)
{
    internal override void Send(Message message)
    {
        if (message.Target.Type == ObserverRegistry.GrainType) observers.Deliver(message);
        else catalog.Deliver(message);
    }
}
