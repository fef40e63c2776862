using System.Text.Json;
using Platform.Actors.Persistence.Batching;

namespace Platform.Actors.Persistence;

/// <summary>A grain's state as JSON in <see cref="IGrainStorage"/>, tracking the etag of what it last read or wrote.</summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private readonly StateRow _row;
    private readonly IGrainStorage _storage;

    public PersistentState(GrainId grainId, string stateName, IGrainStorage storage)
    {
        _row = new StateRow(grainId, stateName);
        _storage = storage;
        State = CreateNew();
    }

    public TState State { get; set; }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await _storage.ReadAsync(_row.GrainId, _row.StateName, cancellationToken).ConfigureAwait(false);
        Etag = record?.Etag;
        RecordExists = record?.Payload is not null;
        State = record?.Payload is { } payload ? Deserialize(payload) : CreateNew();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(State, JsonOptions);
        Etag = await _storage.WriteAsync(_row.GrainId, _row.StateName, payload, Etag, cancellationToken).ConfigureAwait(false);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        Etag = await _storage.ClearAsync(_row.GrainId, _row.StateName, Etag, cancellationToken).ConfigureAwait(false);
        RecordExists = false;
        State = CreateNew();
    }

    private TState Deserialize(byte[] payload) =>
        JsonSerializer.Deserialize<TState>(payload, JsonOptions) ?? CreateNew(); // the JSON "null"

    private static TState CreateNew()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException e)
        {
            throw new InvalidOperationException(
                $"Persistent state type {typeof(TState).FullName} needs a public parameterless constructor: a grain with no stored state starts from new {typeof(TState).Name}().", e);
        }
    }
}
