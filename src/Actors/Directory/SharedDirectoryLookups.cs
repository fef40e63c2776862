using System.Collections.Concurrent;
using Platform.Actors.Membership;

namespace Platform.Actors.Directory;

/// <summary>
/// Directory lookups, one query per grain at a time: callers of a grain whose lookup is running share its answer.
/// After a failover, each of the many callers of a moved grain would otherwise ask PostgreSQL on its own, all at
/// once. Nothing is kept once the query answers (the router caches what it routes by): the next lookup asks again.
/// </summary>
internal sealed class SharedDirectoryLookups(IGrainDirectory directory)
{
    private readonly ConcurrentDictionary<GrainId, Task<SiloAddress?>> _running = new();

    public Task<SiloAddress?> LookupAsync(GrainId grainId)
    {
        var lookup = new TaskCompletionSource<SiloAddress?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _running.GetOrAdd(grainId, lookup.Task);
        if (shared == lookup.Task) _ = CompleteAsync(grainId, lookup);
        return shared;
    }

    private async Task CompleteAsync(GrainId grainId, TaskCompletionSource<SiloAddress?> lookup)
    {
        try
        {
            lookup.SetResult(await directory.LookupAsync(grainId, CancellationToken.None));
        }
        catch (Exception exception)
        {
            lookup.SetException(exception);
        }
        finally
        {
            _running.TryRemove(KeyValuePair.Create(grainId, lookup.Task));
        }
    }
}
