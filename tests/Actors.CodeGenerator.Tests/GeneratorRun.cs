using Microsoft.CodeAnalysis;

namespace Platform.Actors.CodeGenerator.Tests;

/// <summary>One run of the generator: its input, its output and what it reported.</summary>
internal sealed class GeneratorRun(GeneratorDriver driver, Compilation input, Compilation output)
{
    public GeneratorDriver Driver { get; } = driver;

    public Compilation Input { get; } = input;

    public Compilation Output { get; } = output;

    public GeneratorDriverRunResult Result { get; } = driver.GetRunResult();

    public IReadOnlyList<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    public IEnumerable<string> HintNames => Result.Results.Single().GeneratedSources.Select(s => s.HintName);

    public string Source(string hintName) =>
        Result.Results.Single().GeneratedSources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Warnings and errors of the compilation with the generated code; the build treats both as errors.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems() =>
        [.. Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning)];
}
