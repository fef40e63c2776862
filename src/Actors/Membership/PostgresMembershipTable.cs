using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Platform.Actors.Membership;

/// <summary>Membership in the <c>cluster_members</c> table, over connections kept apart from the grains' (see <see cref="DataSourceKey"/>).</summary>
internal sealed class PostgresMembershipTable([FromKeyedServices(PostgresMembershipTable.DataSourceKey)] NpgsqlDataSource dataSource) : IMembershipTable
{
    /// <summary>The service key of the data source membership uses, with a pool of its own.</summary>
    public const string DataSourceKey = "Platform.Membership";

    // A probe uses one connection at a time; a cluster client's gateway refresh may overlap it.
    public const int MaxPoolSize = 2;

    public async Task<IReadOnlyList<MembershipEntry>> ReadAllAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select host, port, generation, status, start_time, i_am_alive, version from cluster_members");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<MembershipEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new MembershipEntry(
                new SiloAddress(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2)),
                Enum.Parse<SiloStatus>(reader.GetString(3)),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
                reader.GetInt32(6).ToString(CultureInfo.InvariantCulture)));
        }

        return entries;
    }

    public async Task<bool> InsertAsync(MembershipEntry entry, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into cluster_members (host, port, generation, status, start_time, i_am_alive, version)
            values ($1, $2, $3, $4, $5, $6, 1)
            on conflict do nothing
            """);
        Add(command, entry.Silo.Host, entry.Silo.Port, entry.Silo.Generation, entry.Status.ToString(), entry.StartTime.UtcDateTime, entry.IAmAliveTime.UtcDateTime);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> UpdateStatusAsync(SiloAddress silo, SiloStatus status, string etag, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update cluster_members set status = $4, version = version + 1
            where host = $1 and port = $2 and generation = $3 and version = $5
            """);
        Add(command, silo.Host, silo.Port, silo.Generation, status.ToString(), int.Parse(etag, CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task UpdateIAmAliveAsync(SiloAddress silo, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update cluster_members set i_am_alive = $4 where host = $1 and port = $2 and generation = $3");
        Add(command, silo.Host, silo.Port, silo.Generation, now.UtcDateTime);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlCommand command, params object[] values)
    {
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
    }
}
