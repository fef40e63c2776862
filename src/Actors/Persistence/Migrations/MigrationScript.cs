using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Actors.Persistence.Migrations;

/// <summary>One numbered script from <c>sql/</c>, as embedded in this assembly.</summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The scripts embedded in Platform.Actors, in order.</summary>
    public static IReadOnlyList<MigrationScript> Embedded { get; } = Load();

    private static List<MigrationScript> Load()
    {
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success) continue;
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            scripts.Add(new MigrationScript(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"Two migration scripts share the number {duplicate.Key}.");
        return [.. scripts.OrderBy(s => s.Version)];
    }

    [GeneratedRegex(@"^sql/(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();
}
