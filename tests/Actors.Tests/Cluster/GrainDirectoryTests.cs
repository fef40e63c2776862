using Platform.Actors.Directory;
using Platform.Actors.Membership;
using Platform.Actors.Tests.Persistence;

namespace Platform.Actors.Tests.Cluster;

[Collection(PostgresCollection.Name)]
public sealed class GrainDirectoryTests(PostgresFixture fixture)
{
    private static readonly SiloAddress A = new("127.0.0.1", 1, 1);
    private static readonly SiloAddress B = new("127.0.0.1", 2, 1);
    private static readonly SiloAddress C = new("127.0.0.1", 3, 1);

    private PostgresGrainDirectory Directory => new(fixture.DataSource);

    private static bool NoneDead(SiloAddress silo) => false;

    [Fact]
    public async Task The_first_silo_to_register_wins_and_later_ones_are_told_the_winner()
    {
        var grain = PostgresFixture.NewGrainId();

        Assert.Equal(A, await Directory.RegisterAsync(grain, A, NoneDead, default));
        Assert.Equal(A, await Directory.RegisterAsync(grain, B, NoneDead, default));
        Assert.Equal(A, await Directory.LookupAsync(grain, default));
    }

    [Fact]
    public async Task Concurrent_registrations_all_agree_on_one_winner()
    {
        var grain = PostgresFixture.NewGrainId();
        var silos = Enumerable.Range(1, 16).Select(port => new SiloAddress("127.0.0.1", port, 7)).ToArray();

        var winners = await Task.WhenAll(silos.Select(silo => Task.Run(() => Directory.RegisterAsync(grain, silo, NoneDead, default))));

        Assert.Single(winners.Distinct());
        Assert.Equal(winners[0], await Directory.LookupAsync(grain, default));
    }

    [Fact]
    public async Task A_registration_of_a_dead_silo_is_taken_over_once()
    {
        var grain = PostgresFixture.NewGrainId();
        await Directory.RegisterAsync(grain, A, NoneDead, default);

        Assert.Equal(B, await Directory.RegisterAsync(grain, B, silo => silo == A, default));
        Assert.Equal(B, await Directory.RegisterAsync(grain, C, silo => silo == A, default));
    }

    [Fact]
    public async Task Unregister_removes_only_the_silos_own_registration()
    {
        var grain = PostgresFixture.NewGrainId();
        await Directory.RegisterAsync(grain, A, NoneDead, default);

        await Directory.UnregisterAsync(grain, B, default);
        Assert.Equal(A, await Directory.LookupAsync(grain, default));

        await Directory.UnregisterAsync(grain, A, default);
        Assert.Null(await Directory.LookupAsync(grain, default));
    }

    [Fact]
    public async Task Unregistering_a_silo_removes_all_its_registrations()
    {
        var dead = new SiloAddress("127.0.0.1", 9, Random.Shared.NextInt64());
        var grains = Enumerable.Range(0, 3).Select(_ => PostgresFixture.NewGrainId()).ToArray();
        foreach (var grain in grains) await Directory.RegisterAsync(grain, dead, NoneDead, default);

        await Directory.UnregisterSiloAsync(dead, default);

        foreach (var grain in grains) Assert.Null(await Directory.LookupAsync(grain, default));
    }
}
