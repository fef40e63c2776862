using Npgsql;
using Platform.Actors.Testing;
using Platform.Actors.Tests.Grains;

namespace Platform.Actors.Tests.Cluster;

/// <summary>The guarantee that a grain has at most one live activation in the cluster, while silos come and go under load.</summary>
[Collection(MultiSiloCollection.Name)]
public sealed class SingleActivationTests(MultiSiloFixture fixture)
{
    [Fact]
    public async Task No_two_activations_of_a_grain_overlap_while_silos_join_and_leave_under_load()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 3);
        var cluster = isolated.Cluster;
        await using var dataSource = isolated.Database.CreateDataSource();
        var (grains, load) = await StartLoadAsync(cluster, dataSource);

        // Churn: two silos join, two of the first ones leave, each step under load.
        var joined = await cluster.StartSiloAsync();
        await MultiSiloFixture.WaitForFullViewAsync(cluster);
        await load.WaitForCallsAsync(200);
        await cluster.StopSiloAsync(cluster.Silos[1]);
        await load.WaitForCallsAsync(200);
        await cluster.StartSiloAsync();
        await MultiSiloFixture.WaitForFullViewAsync(cluster);
        await load.WaitForCallsAsync(200);
        await cluster.StopSiloAsync(joined);
        await load.WaitForCallsAsync(200);
        await load.StopAsync();

        var counts = await Task.WhenAll(grains.Select(g => g.GetCount()));
        await cluster.DisposeAsync();

        Assert.Empty(load.Failures);
        for (var i = 0; i < grains.Length; i++) Assert.Equal(load.Successes(i), counts[i]);
        var overlaps = await OverlapsAsync(dataSource);
        Assert.True(overlaps.Count == 0, $"Overlapping activations: {string.Join("; ", overlaps)}");
    }

    [Fact]
    public async Task No_two_activations_of_a_grain_overlap_when_a_silo_is_killed_under_load()
    {
        await using var isolated = await fixture.StartIsolatedAsync(siloCount: 3);
        var cluster = isolated.Cluster;
        await using var dataSource = isolated.Database.CreateDataSource();
        var (grains, load) = await StartLoadAsync(cluster, dataSource);

        var victim = cluster.Silos[1];
        var killed = victim.Address;
        await cluster.KillSiloAsync(victim);
        DateTime killedAt;
        await using (var now = dataSource.CreateCommand("select clock_timestamp()")) killedAt = (DateTime)(await now.ExecuteScalarAsync())!;
        await cluster.Silos[0].WaitForViewAsync(active => !active.Contains(killed), TimeSpan.FromSeconds(10));
        await load.WaitForCallsAsync(300);
        await load.StopAsync();

        var counts = await Task.WhenAll(grains.Select(g => g.GetCount()));
        await cluster.DisposeAsync();

        // Until its death is known, calls to the killed silo's grains fail fast; a call in flight may have run or not.
        Assert.All(load.Failures, failure => Assert.IsType<SiloUnavailableException>(failure));
        for (var i = 0; i < grains.Length; i++) Assert.True(counts[i] >= load.Successes(i), $"grain {i}: {counts[i]} stored, {load.Successes(i)} answered");
        var overlaps = await OverlapsAsync(dataSource, killed.Port, killedAt);
        Assert.True(overlaps.Count == 0, $"Overlapping activations: {string.Join("; ", overlaps)}");
    }

    // Thirty counters that log their activations, called by sixteen callers until stopped.
    private static async Task<(IChurnGrain[] Grains, LoadDriver Load)> StartLoadAsync(TestCluster cluster, NpgsqlDataSource dataSource)
    {
        await using (var create = dataSource.CreateCommand(ChurnGrain.CreateTable)) await create.ExecuteNonQueryAsync();
        var grains = Enumerable.Range(0, 30).Select(_ => cluster.GrainFactory.GetGrain<IChurnGrain>(Guid.NewGuid().ToString("N"))).ToArray();
        var load = new LoadDriver(grains.Length, i => grains[i].Increment());
        load.Start(callers: 16);
        await load.WaitForCallsAsync(200);
        return (grains, load);
    }

    /// <summary>
    /// Pairs of activations of one grain where the later started before the earlier ended (or never ended). The
    /// activations of a killed silo end when it was killed.
    /// </summary>
    private static async Task<List<string>> OverlapsAsync(NpgsqlDataSource dataSource, int killedPort = 0, DateTime killedAt = default)
    {
        await using var command = dataSource.CreateCommand("""
            with log as (
                select grain_key, activation, started_at, coalesce(ended_at, case when silo_port = $1 then $2::timestamptz end) as ended_at
                from activation_log)
            select a.grain_key, a.started_at, a.ended_at, b.started_at
            from log a join log b on a.grain_key = b.grain_key and a.activation <> b.activation
            where a.started_at <= b.started_at and (a.ended_at is null or b.started_at < a.ended_at)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = killedPort });
        command.Parameters.Add(new NpgsqlParameter { Value = killedAt == default ? DBNull.Value : killedAt });
        await using var reader = await command.ExecuteReaderAsync();
        var overlaps = new List<string>();
        while (await reader.ReadAsync()) overlaps.Add($"{reader.GetString(0)}: {reader.GetDateTime(1):O}–{(reader.IsDBNull(2) ? "never" : reader.GetDateTime(2).ToString("O"))} and {reader.GetDateTime(3):O}");
        return overlaps;
    }
}
