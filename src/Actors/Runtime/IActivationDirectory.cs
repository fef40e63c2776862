using Platform.Actors.Membership;

namespace Platform.Actors.Runtime;

/// <summary>What the catalog asks of the cluster: may this silo hold the grain's activation, and where do messages it cannot take go.</summary>
internal interface IActivationDirectory
{
    /// <summary>Registers this silo as the grain's; null when it is, else the silo that holds the registration.</summary>
    Task<SiloAddress?> RegisterAsync(GrainId grainId);

    /// <summary>Removes this silo's registration of the grain (its activation has ended).</summary>
    Task UnregisterAsync(GrainId grainId);

    /// <summary>Sends a message on: to <paramref name="silo"/>, or wherever the directory and placement say when null.</summary>
    void Forward(Message message, SiloAddress? silo);
}
