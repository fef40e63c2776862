using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Grains.Events;

/// <summary>Writes a <see cref="RawJson"/> value without re-encoding it, and reads any JSON value into one.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(document.RootElement.GetRawText());
    }

    // The grain wrote it with System.Text.Json, so it is valid JSON; checking again would cost a parse per client group.
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Json, skipInputValidation: true);
}
