using System.Text.Json;
using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>
/// Arguments and results as System.Text.Json, each by its declared type (as the generated request
/// describes it), with grain references as ids bound to this process's runtime on arrival.
/// </summary>
internal sealed class WireSerializer
{
    public WireSerializer(GrainReferenceRuntime runtime)
    {
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Options.Converters.Add(new GrainReferenceJsonConverterFactory(runtime));
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    public JsonSerializerOptions Options { get; }
}
