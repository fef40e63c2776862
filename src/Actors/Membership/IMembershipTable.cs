namespace Platform.Actors.Membership;

/// <summary>Where silos find each other.</summary>
public interface IMembershipTable
{
    Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>Adds a silo's row; false when a row for that address and generation exists already.</summary>
    Task<bool> InsertAsync(MembershipEntry entry, CancellationToken cancellationToken);

    /// <summary>Changes a row's status if its version is still <paramref name="etag"/>; false when someone else changed it first.</summary>
    Task<bool> UpdateStatusAsync(SiloAddress silo, SiloStatus status, string etag, CancellationToken cancellationToken);

    /// <summary>Records that the silo is alive now. Not version-checked: only the silo itself writes it.</summary>
    Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset now, CancellationToken cancellationToken);
}
