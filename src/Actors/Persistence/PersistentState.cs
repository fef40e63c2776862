using System.Text.Json;

namespace Platform.Actors.Persistence;

/// <summary>A grain's state as JSON in <see cref="IGrainStorage"/>, with the etag of what was last read or written.</summary>
internal sealed class PersistentState<TState>(GrainId grainId, string stateName, IGrainStorage storage) : IPersistentState<TState>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public TState State { get; set; } = NewState();

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await storage.ReadAsync(grainId, stateName, cancellationToken);
        Etag = record?.Etag;
        RecordExists = record?.Payload is not null;
        State = record?.Payload is { } payload ? JsonSerializer.Deserialize<TState>(payload, Json) ?? NewState() : NewState();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        Etag = await storage.WriteAsync(grainId, stateName, JsonSerializer.SerializeToUtf8Bytes(State, Json), Etag, cancellationToken);
        RecordExists = true;
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        Etag = await storage.ClearAsync(grainId, stateName, Etag, cancellationToken);
        RecordExists = false;
        State = NewState();
    }

    private static TState NewState()
    {
        try
        {
            return Activator.CreateInstance<TState>();
        }
        catch (MissingMethodException exception)
        {
            throw new InvalidOperationException(
                $"Grain state type {typeof(TState)} needs a public parameterless constructor, so a grain without stored state starts from a new one.",
                exception);
        }
    }
}
