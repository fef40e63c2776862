using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Platform.Actors.Persistence.Migrations;

/// <summary>Reads the <c>sql/NNNN_name.sql</c> resources embedded in an assembly, in version order.</summary>
internal static partial class EmbeddedMigrationScripts
{
    public static IReadOnlyList<MigrationScript> Platform { get; } = Load(typeof(EmbeddedMigrationScripts).Assembly);

    public static IReadOnlyList<MigrationScript> Load(Assembly assembly)
    {
        var scripts = new List<MigrationScript>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var match = ScriptName().Match(resource);
            if (!match.Success) continue;

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var version = int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture);
            scripts.Add(new MigrationScript(version, match.Groups["file"].Value, reader.ReadToEnd()));
        }

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            throw new DatabaseMigrationException(
                $"Migration scripts {string.Join(" and ", duplicate.Select(script => script.Name))} share version {duplicate.Key}; give each script its own number.");
        }

        return [.. scripts.OrderBy(script => script.Version)];
    }

    [GeneratedRegex(@"^sql/(?<file>(?<version>\d+)_[^/]+\.sql)$")]
    private static partial Regex ScriptName();
}
