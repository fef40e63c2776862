using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Platform.Actors.Persistence.Batching;

/// <summary>
/// A writer loop's own connection, with both write statements prepared on it once. Keeping it saves each
/// write the pool's checkout and session reset, and the server's parsing and planning.
/// </summary>
internal sealed class GrainStateConnection : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private GrainStateConnection(NpgsqlConnection connection)
    {
        _connection = connection;
        WriteOne = new NpgsqlCommand(GrainStateSql.WriteOne, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string>(),
                new NpgsqlParameter<string>(),
                new NpgsqlParameter<string>(),
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Jsonb },
                new NpgsqlParameter<int>(),
            },
        };
        WriteMany = new NpgsqlCommand(GrainStateSql.WriteMany, connection)
        {
            Parameters =
            {
                new NpgsqlParameter<string[]>(),
                new NpgsqlParameter<string[]>(),
                new NpgsqlParameter<string[]>(),
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb },
                new NpgsqlParameter<int[]>(),
            },
        };
    }

    /// <summary>Parameters: grain type, grain key, state name, payload (jsonb or DBNull), new version.</summary>
    public NpgsqlCommand WriteOne { get; }

    /// <summary>Parameters: arrays of grain types, grain keys, state names, payloads, new versions.</summary>
    public NpgsqlCommand WriteMany { get; }

    /// <summary>False once the connection broke; the loop then opens a new one.</summary>
    public bool IsUsable => _connection.State == ConnectionState.Open;

    public static async Task<GrainStateConnection> OpenAsync(NpgsqlDataSource dataSource)
    {
        var connection = await dataSource.OpenConnectionAsync().ConfigureAwait(false);
        var opened = new GrainStateConnection(connection);
        try
        {
            await opened.WriteOne.PrepareAsync().ConfigureAwait(false);
            await opened.WriteMany.PrepareAsync().ConfigureAwait(false);
            return opened;
        }
        catch
        {
            await opened.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public NpgsqlCommand CreateCommand(string sql) => new(sql, _connection);

    public async ValueTask DisposeAsync()
    {
        await WriteOne.DisposeAsync().ConfigureAwait(false);
        await WriteMany.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }
}
