using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Grains.Events;

/// <summary>
/// A JSON value already written out, in the web's camelCase shape. SignalR writes it into its messages as it is,
/// so an event fanned out to many clients is serialized once, where it is raised.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed record RawJson(string Json)
{
    public static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static RawJson From<T>(T value) => new(JsonSerializer.Serialize(value, WebOptions));

    public override string ToString() => Json;
}
