using Platform.Actors.Directory;
using Platform.Actors.Membership;

namespace Platform.Actors.Tests.Cluster;

public sealed class SharedDirectoryLookupsTests
{
    private static readonly GrainId Grain = new("test.placed", "a");
    private static readonly SiloAddress Owner = new("127.0.0.1", 11111, 7);

    private readonly GatedDirectory _directory = new() { Answer = Owner };

    [Fact]
    public async Task Concurrent_lookups_of_one_grain_make_one_query_and_all_get_its_answer()
    {
        var lookups = new SharedDirectoryLookups(_directory);

        var answers = Enumerable.Range(0, 40).Select(_ => lookups.LookupAsync(Grain)).ToArray();
        _directory.Open();

        Assert.All(await Task.WhenAll(answers).WaitAsync(TimeSpan.FromSeconds(5)), answer => Assert.Equal(Owner, answer));
        Assert.Equal(1, _directory.LookupsOf(Grain));
    }

    [Fact]
    public async Task Lookups_of_different_grains_do_not_wait_for_each_other()
    {
        var lookups = new SharedDirectoryLookups(_directory);
        var other = new GrainId("test.placed", "b");

        var first = lookups.LookupAsync(Grain);
        var second = lookups.LookupAsync(other);
        _directory.Open();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(1, _directory.LookupsOf(Grain));
        Assert.Equal(1, _directory.LookupsOf(other));
    }

    [Fact]
    public async Task A_lookup_after_the_answer_asks_the_directory_again()
    {
        var lookups = new SharedDirectoryLookups(_directory);
        _directory.Open();
        await lookups.LookupAsync(Grain).WaitAsync(TimeSpan.FromSeconds(5));
        var moved = Owner with { Port = 22222 };
        _directory.Answer = moved;

        var answer = await lookups.LookupAsync(Grain).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(moved, answer);
        Assert.Equal(2, _directory.LookupsOf(Grain));
    }

    [Fact]
    public async Task A_failed_query_fails_every_caller_sharing_it_and_the_next_lookup_tries_again()
    {
        var lookups = new SharedDirectoryLookups(_directory);
        _directory.Failure = new TimeoutException("the database is away");

        var failing = Enumerable.Range(0, 5).Select(_ => lookups.LookupAsync(Grain)).ToArray();
        _directory.Open();
        foreach (var lookup in failing) await Assert.ThrowsAsync<TimeoutException>(() => lookup.WaitAsync(TimeSpan.FromSeconds(5)));
        _directory.Failure = null;

        Assert.Equal(Owner, await lookups.LookupAsync(Grain).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(2, _directory.LookupsOf(Grain));
    }
}
