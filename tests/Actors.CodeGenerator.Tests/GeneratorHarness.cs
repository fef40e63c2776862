using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Platform.Actors.Invocation;

namespace Platform.Actors.CodeGenerator.Tests;

/// <summary>Runs the generator over sample sources, the way the compiler would, and compiles the result.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The running framework's assemblies and Platform.Actors; not this test assembly, whose own generated types would be in the way.
    private static readonly ImmutableArray<MetadataReference> RuntimeReferences =
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) != Path.GetFileName(typeof(GeneratorHarness).Assembly.Location))
            .Select(path => MetadataReference.CreateFromFile(path)),
    ];

    public static GeneratorRun Run(string source, params MetadataReference[] references) =>
        Run([source], references);

    public static GeneratorRun Run(string[] sources, params MetadataReference[] references)
    {
        var compilation = CreateCompilation(sources, references);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GrainInterfaceGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, compilation, output);
    }

    /// <summary>A compilation of sample sources, without running the generator.</summary>
    public static CSharpCompilation CreateCompilation(string[] sources, params MetadataReference[] references) =>
        CSharpCompilation.Create(
            $"Samples{Guid.NewGuid():N}",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Sample{i}.cs")),
            [.. RuntimeReferences, .. references],
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));

    /// <summary>Emits the compilation and loads it into this process, which already has Platform.Actors loaded.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }

    /// <summary>What generated code registered for <paramref name="interfaceType"/>; running its module initializer if need be.</summary>
    public static GrainInterfaceDescriptor Descriptor(Type interfaceType)
    {
        Assert.True(GrainInterfaceRegistry.TryGet(interfaceType, out var descriptor), $"{interfaceType} is not registered");
        return descriptor;
    }
}
