using System.Collections.Frozen;
using System.Reflection;
using Platform.Actors.Invocation;

namespace Platform.Actors.Runtime;

/// <summary>The grain classes a silo can run, found once at start-up in the assemblies it was given.</summary>
internal sealed class GrainTypeManifest
{
    private readonly FrozenDictionary<string, GrainClassInfo> _byGrainType;
    private readonly FrozenDictionary<Type, GrainClassInfo[]> _byInterface;

    public GrainTypeManifest(IEnumerable<Assembly> assemblies)
    {
        var classes = assemblies.Distinct()
            .SelectMany(LoadableTypes)
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(Grain).IsAssignableFrom(type))
            .Select(type => new GrainClassInfo(type))
            .ToList();

        var clash = classes.GroupBy(c => c.GrainType).FirstOrDefault(group => group.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException(
                $"Grain classes {string.Join(" and ", clash.Select(c => c.ClassType.FullName))} share the grain type " +
                $"'{clash.Key}'; give one of them a [GrainType(\"…\")].");
        }

        // Requests from other processes name methods by id: every interface this silo serves must have
        // registered its methods before the first one arrives, not when local code first touches it.
        foreach (var grainInterface in classes.SelectMany(c => c.Interfaces).Distinct()) GrainInterfaceRegistry.TryGet(grainInterface, out _);

        _byGrainType = classes.ToFrozenDictionary(c => c.GrainType);
        _byInterface = classes
            .SelectMany(c => c.Interfaces.Select(i => (Interface: i, Class: c)))
            .GroupBy(pair => pair.Interface)
            .ToFrozenDictionary(group => group.Key, group => group.Select(pair => pair.Class).ToArray());
    }

    // An assembly loaded from a file may reference assemblies this process lacks (a test assembly's test
    // framework): its grain classes are still usable, the types that cannot load are not grains here.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException exception)
        {
            return exception.Types.OfType<Type>();
        }
    }

    public bool TryGetClass(string grainType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrainClassInfo? info) =>
        _byGrainType.TryGetValue(grainType, out info);

    /// <summary>The grain type of the one class that implements <paramref name="grainInterface"/> (narrowed by a class name prefix when several do).</summary>
    public string ResolveGrainType(Type grainInterface, string? grainClassNamePrefix)
    {
        if (!_byInterface.TryGetValue(grainInterface, out var candidates))
        {
            throw new ArgumentException(
                $"No grain class implements {grainInterface}. Is its assembly registered with AddGrains?", nameof(grainInterface));
        }

        if (grainClassNamePrefix is not null)
        {
            candidates = candidates.Where(c => c.ClassType.FullName!.StartsWith(grainClassNamePrefix, StringComparison.Ordinal)).ToArray();
        }

        return candidates.Length switch
        {
            1 => candidates[0].GrainType,
            0 => throw new ArgumentException(
                $"No grain class implementing {grainInterface} has a name starting with '{grainClassNamePrefix}'.", nameof(grainClassNamePrefix)),
            _ => throw new ArgumentException(
                $"Several grain classes implement {grainInterface} ({string.Join(", ", candidates.Select(c => c.ClassType.Name))}); " +
                "pass a grain class name prefix to choose one.", nameof(grainInterface)),
        };
    }
}
