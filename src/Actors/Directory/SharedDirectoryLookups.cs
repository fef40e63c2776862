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

    // The lookup leaves the table before it answers: whoever looks up after the answer, also after a failure, asks again.
    private async Task CompleteAsync(GrainId grainId, TaskCompletionSource<SiloAddress?> lookup)
    {
        try
        {
            var owner = await directory.LookupAsync(grainId, CancellationToken.None);
            _running.TryRemove(KeyValuePair.Create(grainId, lookup.Task));
            lookup.SetResult(owner);
        }
        catch (Exception exception)
        {
            _running.TryRemove(KeyValuePair.Create(grainId, lookup.Task));
            lookup.SetException(exception);
        }
    }
}
