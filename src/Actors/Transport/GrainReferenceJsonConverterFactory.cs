using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Actors.Invocation;
using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>
/// Grain and observer references cross the wire as their grain id (<c>type/key</c>) and come back as a
/// proxy bound to the receiving process's runtime, so calls through them route from there.
/// </summary>
internal sealed class GrainReferenceJsonConverterFactory(GrainReferenceRuntime runtime) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeof(IAddressable).IsAssignableFrom(typeToConvert) && (typeToConvert.IsInterface || typeof(GrainReference).IsAssignableFrom(typeToConvert));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert), runtime)!;

    private sealed class Converter<T>(GrainReferenceRuntime runtime) : JsonConverter<T>
        where T : class
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var grainId = GrainId.Parse(reader.GetString()!);
            if (!GrainInterfaceRegistry.TryGet(typeToConvert, out var descriptor))
            {
                throw new JsonException($"{typeToConvert} is not a grain interface with a generated proxy; a reference to {grainId} cannot be made.");
            }

            return (T)(object)descriptor.CreateProxy(grainId, runtime);
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (value is not GrainReference reference)
            {
                throw new JsonException(
                    $"A {value.GetType()} cannot cross to another process: pass a grain reference, or an observer reference from CreateObjectReference.");
            }

            writer.WriteStringValue(reference.GrainId.ToString());
        }
    }
}
