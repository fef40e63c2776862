namespace Platform.Actors.Persistence;

/// <summary>Where grain state lives. Payloads are JSON; etags are opaque versions checked on every write.</summary>
public interface IGrainStorage
{
    /// <summary>Reads a state; null when no row exists. A cleared state comes back with a null payload and its etag.</summary>
    Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a state if the stored etag is still <paramref name="expectedEtag"/> (null: no row yet), and
    /// returns the new etag; otherwise throws <see cref="InconsistentStateException"/>.
    /// </summary>
    Task<string> WriteAsync(GrainId grainId, string stateName, byte[] payload, string? expectedEtag, CancellationToken cancellationToken);

    /// <summary>Clears a state under the same check as a write, and returns the new etag.</summary>
    Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken);
}
