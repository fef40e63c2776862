using System.Globalization;
using System.Text;
using Npgsql;

namespace Platform.Actors.Persistence;

/// <summary>Grain state in the <c>grain_state</c> table; etags are the row's version. Writes go through <see cref="StateWriteBatcher"/>.</summary>
internal sealed class PostgresGrainStorage(NpgsqlDataSource dataSource, StateWriteBatcher writes) : IGrainStorage
{
    private const string Select = """
        select payload::text, version from grain_state
        where grain_type = $1 and grain_key = $2 and state_name = $3
        """;

    public async Task<GrainStateRecord?> ReadAsync(GrainId grainId, string stateName, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new() { Value = grainId.Type });
        command.Parameters.Add(new() { Value = grainId.Key });
        command.Parameters.Add(new() { Value = stateName });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        var payload = reader.IsDBNull(0) ? null : Encoding.UTF8.GetBytes(reader.GetString(0));
        return new GrainStateRecord(payload, Etag(reader.GetInt32(1)));
    }

    public async Task<string> WriteAsync(GrainId grainId, string stateName, byte[] payload, string? expectedEtag, CancellationToken cancellationToken) =>
        Etag(await writes.WriteAsync(grainId, stateName, Encoding.UTF8.GetString(payload), Version(expectedEtag) + 1));

    public async Task<string> ClearAsync(GrainId grainId, string stateName, string? expectedEtag, CancellationToken cancellationToken) =>
        Etag(await writes.WriteAsync(grainId, stateName, payload: null, Version(expectedEtag) + 1));

    private static string Etag(int version) => version.ToString(CultureInfo.InvariantCulture);

    private static int Version(string? etag) =>
        etag is null ? 0
        : int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version
        : throw new InconsistentStateException($"'{etag}' is not an etag this storage issued.", storedEtag: null, currentEtag: etag);
}
