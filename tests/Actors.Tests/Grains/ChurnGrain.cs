using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Actors.Hosting;

namespace Platform.Actors.Tests.Grains;

public sealed class ChurnGrain(
    [PersistentState("churn")] IPersistentState<CounterState> counter,
    NpgsqlDataSource dataSource,
    IOptions<SiloOptions> silo) : Grain, IChurnGrain
{
    public const string CreateTable = """
        create table if not exists activation_log (
            grain_key  text        not null,
            activation uuid        not null primary key,
            silo_port  integer     not null,
            started_at timestamptz not null,
            ended_at   timestamptz)
        """;

    private readonly Guid _activation = Guid.NewGuid();

    // The database's clock, not the silos': one clock orders every activation of the cluster.
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("insert into activation_log values ($1, $2, $3, clock_timestamp(), null)");
        command.Parameters.Add(new NpgsqlParameter { Value = this.GetPrimaryKeyString() });
        command.Parameters.Add(new NpgsqlParameter { Value = _activation });
        command.Parameters.Add(new NpgsqlParameter { Value = silo.Value.Port });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update activation_log set ended_at = clock_timestamp() where activation = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = _activation });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> Increment()
    {
        counter.State.Count++;
        await counter.WriteStateAsync();
        return counter.State.Count;
    }

    public Task<int> GetCount() => Task.FromResult(counter.State.Count);
}
