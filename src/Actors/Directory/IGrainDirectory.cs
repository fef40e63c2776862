using Platform.Actors.Membership;

namespace Platform.Actors.Directory;

/// <summary>The cluster-wide map from a grain to the silo holding its one activation.</summary>
public interface IGrainDirectory
{
    /// <summary>The silo registered for <paramref name="grainId"/>, or null when none is.</summary>
    Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken);

    /// <summary>
    /// Registers <paramref name="silo"/> unless another silo is registered already and
    /// <paramref name="isDead"/> does not say it is dead; returns the silo that holds the registration.
    /// </summary>
    Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress silo, Func<SiloAddress, bool> isDead, CancellationToken cancellationToken);

    /// <summary>Points <paramref name="grainId"/> at <paramref name="silo"/> whoever held it (for client gateways, which move freely).</summary>
    Task SetAsync(GrainId grainId, SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>Removes the registration if it is still <paramref name="silo"/>'s.</summary>
    Task UnregisterAsync(GrainId grainId, SiloAddress silo, CancellationToken cancellationToken);

    /// <summary>Removes every registration of a silo that is gone.</summary>
    Task UnregisterSiloAsync(SiloAddress silo, CancellationToken cancellationToken);
}
