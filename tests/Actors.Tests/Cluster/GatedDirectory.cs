using System.Collections.Concurrent;
using Platform.Actors.Directory;
using Platform.Actors.Membership;

namespace Platform.Actors.Tests.Cluster;

/// <summary>
/// A directory that answers each lookup with <see cref="Answer"/> (or fails it with <see cref="Failure"/>), counts the
/// lookups of each grain, and holds them until <see cref="Open"/>: so that a test can make many lookups before any
/// answers. It only looks up.
/// </summary>
internal sealed class GatedDirectory : IGrainDirectory
{
    private readonly ConcurrentDictionary<GrainId, int> _lookups = new();
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SiloAddress? Answer { get; set; }

    public Exception? Failure { get; set; }

    public int LookupsOf(GrainId grainId) => _lookups.GetValueOrDefault(grainId);

    /// <summary>Answers the lookups waiting; later ones answer at once.</summary>
    public void Open() => _gate.TrySetResult();

    public async Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        _lookups.AddOrUpdate(grainId, 1, (_, count) => count + 1);
        await _gate.Task.WaitAsync(cancellationToken);
        return Failure is { } failure ? throw failure : Answer;
    }

    public Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress silo, Func<SiloAddress, bool> isDead, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task SetAsync(GrainId grainId, SiloAddress silo, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UnregisterAsync(GrainId grainId, SiloAddress silo, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task UnregisterSiloAsync(SiloAddress silo, CancellationToken cancellationToken) => throw new NotSupportedException();
}
