using Npgsql;
using Platform.Actors.Membership;

namespace Platform.Actors.Directory;

/// <summary>The grain directory in the <c>grain_directory</c> table (see <c>sql/0004_grain_directory.sql</c>).</summary>
internal sealed class PostgresGrainDirectory(NpgsqlDataSource dataSource) : IGrainDirectory
{
    // The insert's own row, or the row that was there first, and whether the membership table has declared its silo
    // dead: the table, not this silo's view of it, which lags a probe behind. Under READ COMMITTED a row committed by
    // a concurrent insert after this statement began is invisible to its select: then nothing comes back and the
    // caller reads again.
    private const string RegisterSql = """
        with inserted as (
            insert into grain_directory (grain_type, grain_key, host, port, generation) values ($1, $2, $3, $4, $5)
            on conflict do nothing
            returning host, port, generation),
        owner as (
            select host, port, generation from inserted
            union all
            select host, port, generation from grain_directory
            where grain_type = $1 and grain_key = $2 and not exists (select 1 from inserted))
        select o.host, o.port, o.generation, exists (
            select 1 from cluster_members m
            where m.host = o.host and m.port = o.port and m.generation = o.generation and m.status = 'Dead')
        from owner o
        """;

    // A row that points at a silo declared dead names no owner: whoever places the grain next takes the row over.
    private const string LookupSql = """
        select d.host, d.port, d.generation from grain_directory d
        where d.grain_type = $1 and d.grain_key = $2 and not exists (
            select 1 from cluster_members m
            where m.host = d.host and m.port = d.port and m.generation = d.generation and m.status = 'Dead')
        """;

    public async Task<SiloAddress?> LookupAsync(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = Command(LookupSql, grainId.Type, grainId.Key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSilo(reader) : null;
    }

    public async Task<SiloAddress> RegisterAsync(GrainId grainId, SiloAddress silo, Func<SiloAddress, bool> isDead, CancellationToken cancellationToken)
    {
        while (true)
        {
            SiloAddress owner;
            bool ownerDead;
            await using (var command = Command(RegisterSql, grainId.Type, grainId.Key, silo.Host, silo.Port, silo.Generation))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken)) continue;
                owner = ReadSilo(reader);
                ownerDead = reader.GetBoolean(3);
            }

            if (owner == silo && ownerDead)
            {
                // Peers declared this silo dead and are taking its grains: it must not start one more.
                await UnregisterAsync(grainId, silo, cancellationToken);
                throw new SiloUnavailableException($"{silo} was declared dead by its peers; {grainId} is not activated here.");
            }

            if (owner == silo || !(ownerDead || isDead(owner))) return owner;

            // The owner is dead: take its row over, naming it, so that of two survivors only one succeeds.
            await using var takeOver = Command(
                """
                update grain_directory set host = $3, port = $4, generation = $5
                where grain_type = $1 and grain_key = $2 and host = $6 and port = $7 and generation = $8
                """,
                grainId.Type, grainId.Key, silo.Host, silo.Port, silo.Generation, owner.Host, owner.Port, owner.Generation);
            if (await takeOver.ExecuteNonQueryAsync(cancellationToken) == 1) return silo;
        }
    }

    public async Task SetAsync(GrainId grainId, SiloAddress silo, CancellationToken cancellationToken)
    {
        await using var command = Command(
            """
            insert into grain_directory (grain_type, grain_key, host, port, generation) values ($1, $2, $3, $4, $5)
            on conflict (grain_type, grain_key) do update set host = excluded.host, port = excluded.port, generation = excluded.generation
            """,
            grainId.Type, grainId.Key, silo.Host, silo.Port, silo.Generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UnregisterAsync(GrainId grainId, SiloAddress silo, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "delete from grain_directory where grain_type = $1 and grain_key = $2 and host = $3 and port = $4 and generation = $5",
            grainId.Type, grainId.Key, silo.Host, silo.Port, silo.Generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task UnregisterSiloAsync(SiloAddress silo, CancellationToken cancellationToken)
    {
        await using var command = Command(
            "delete from grain_directory where host = $1 and port = $2 and generation = $3", silo.Host, silo.Port, silo.Generation);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SiloAddress ReadSilo(NpgsqlDataReader reader) => new(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2));

    private NpgsqlCommand Command(string sql, params object[] values)
    {
        var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
