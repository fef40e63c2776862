using System.ComponentModel.DataAnnotations;

namespace Platform.Actors.Hosting;

/// <summary>Where this silo can be reached by its peers. Section <c>Platform:Silo</c>.</summary>
public sealed class SiloOptions
{
    public const string SectionName = "Platform:Silo";

    [Required]
    public string Host { get; set; } = "127.0.0.1";

    [Range(1, 65535)]
    public int Port { get; set; } = 11111;

    /// <summary>
    /// Files of further assemblies whose grain classes this silo runs, besides those the host registers in
    /// code (e.g. test grains in a silo process started by a test).
    /// </summary>
    public List<string> GrainAssemblies { get; } = [];
}
