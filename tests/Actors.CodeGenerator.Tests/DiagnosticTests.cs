using Microsoft.CodeAnalysis;

namespace Platform.Actors.CodeGenerator.Tests;

public sealed class DiagnosticTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using Platform.Actors;
        namespace Samples;

        """;

    [Fact]
    public void Method_returning_int_is_reported()
    {
        var diagnostic = SingleDiagnostic("public interface IFooGrain : IGrainWithStringKey { int Count(); }");

        Assert.Equal("PLAT001", diagnostic.Id);
        Assert.Contains("Samples.IFooGrain.Count", diagnostic.GetMessage());
        Assert.Contains("'int'", diagnostic.GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Void_method_on_a_grain_is_reported()
    {
        Assert.Equal("PLAT001", SingleDiagnostic("public interface IFooGrain : IGrainWithStringKey { void Fire(); }").Id);
    }

    [Fact]
    public void Void_method_on_an_observer_is_allowed()
    {
        var run = GeneratorHarness.Run(Usings + "public interface IFooObserver : IGrainObserver { void Fire(); }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Method_returning_a_task_by_reference_is_reported()
    {
        Assert.Equal("PLAT001", SingleDiagnostic("public interface IFooGrain : IGrainWithStringKey { ref Task Get(); }").Id);
    }

    [Fact]
    public void Generic_method_is_reported()
    {
        var diagnostic = SingleDiagnostic("public interface IFooGrain : IGrainWithStringKey { Task<T> Get<T>(); }");

        Assert.Equal("PLAT002", diagnostic.Id);
        Assert.Contains("Samples.IFooGrain.Get", diagnostic.GetMessage());
    }

    [Fact]
    public void Generic_interface_is_reported()
    {
        var diagnostic = SingleDiagnostic("public interface IFooGrain<T> : IGrainWithStringKey { Task<T> Get(); }");

        Assert.Equal("PLAT003", diagnostic.Id);
        Assert.Contains("Samples.IFooGrain<T>", diagnostic.GetMessage());
    }

    [Fact]
    public void Interface_nested_in_a_generic_type_is_reported()
    {
        Assert.Equal("PLAT003", SingleDiagnostic("public class Outer<T> { public interface IFooGrain : IGrainWithStringKey { Task Get(); } }").Id);
    }

    [Theory]
    [InlineData("ref int value", "ref")]
    [InlineData("out int value", "out")]
    [InlineData("in int value", "in")]
    [InlineData("ref readonly int value", "ref readonly")]
    public void By_reference_parameter_is_reported(string parameter, string kind)
    {
        var diagnostic = SingleDiagnostic($"public interface IFooGrain : IGrainWithStringKey {{ Task Set({parameter}); }}");

        Assert.Equal("PLAT004", diagnostic.Id);
        Assert.Contains("'value'", diagnostic.GetMessage());
        Assert.Contains($"({kind})", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("int Count { get; }", "property 'Count'")]
    [InlineData("int this[int index] { get; }", "indexer 'this[]'")]
    [InlineData("event EventHandler Changed;", "event 'Changed'")]
    public void Property_or_event_is_reported(string member, string described)
    {
        var diagnostic = SingleDiagnostic($"public interface IFooGrain : IGrainWithStringKey {{ {member} }}");

        Assert.Equal("PLAT005", diagnostic.Id);
        Assert.Contains(described, diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Task<int>")]
    [InlineData("ValueTask<int>")]
    public void One_way_method_returning_a_value_is_reported(string returnType)
    {
        var diagnostic = SingleDiagnostic($"public interface IFooGrain : IGrainWithStringKey {{ [OneWay] {returnType} Get(); }}");

        Assert.Equal("PLAT006", diagnostic.Id);
        Assert.Contains("Samples.IFooGrain.Get", diagnostic.GetMessage());
    }

    [Fact]
    public void Private_nested_interface_is_reported()
    {
        Assert.Equal("PLAT007", SingleDiagnostic("public class Outer { private interface IFooGrain : IGrainWithStringKey { Task Get(); } }").Id);
    }

    [Fact]
    public void File_local_interface_is_reported()
    {
        Assert.Equal("PLAT007", SingleDiagnostic("file interface IFooGrain : IGrainWithStringKey { Task Get(); }").Id);
    }

    [Fact]
    public void Inheriting_members_of_a_non_grain_interface_is_reported()
    {
        var diagnostic = SingleDiagnostic("""
            public interface IPlain { Task Save(); }
            public interface IFooGrain : IGrainWithStringKey, IPlain { Task Get(); }
            """);

        Assert.Equal("PLAT008", diagnostic.Id);
        Assert.Contains("'Samples.IPlain'", diagnostic.GetMessage());
    }

    [Fact]
    public void Inheriting_an_empty_non_grain_interface_is_allowed()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IMarker;
            public interface IFooGrain : IGrainWithStringKey, IMarker { Task Get(); }
            """);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Theory]
    [InlineData("Task Get() => Task.CompletedTask;")]
    [InlineData("static abstract Task Create();")]
    public void Method_with_a_body_or_static_abstract_is_reported(string member)
    {
        Assert.Equal("PLAT009", SingleDiagnostic($"public interface IFooGrain : IGrainWithStringKey {{ {member} }}").Id);
    }

    [Fact]
    public void Static_helper_with_a_body_is_ignored()
    {
        var run = GeneratorHarness.Run(Usings + "public interface IFooGrain : IGrainWithStringKey { Task Get(); static int Helper() => 1; }");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Ref_struct_parameter_is_reported()
    {
        var diagnostic = SingleDiagnostic("public interface IFooGrain : IGrainWithStringKey { Task Set(Span<byte> data); }");

        Assert.Equal("PLAT010", diagnostic.Id);
        Assert.Contains("'data'", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Task Set(dynamic value);", "parameter 'value'")]
    [InlineData("Task Set(System.Collections.Generic.List<dynamic[]> values);", "parameter 'values'")]
    [InlineData("Task<dynamic> Get();", "its return type")]
    public void Dynamic_is_reported(string method, string where)
    {
        var diagnostic = SingleDiagnostic($"public interface IFooGrain : IGrainWithStringKey {{ {method} }}");

        Assert.Equal("PLAT012", diagnostic.Id);
        Assert.Contains(where, diagnostic.GetMessage());
    }

    [Fact]
    public void Unparsable_response_timeout_is_reported()
    {
        var diagnostic = SingleDiagnostic("public interface IFooGrain : IGrainWithStringKey { [ResponseTimeout(\"five seconds\")] Task Get(); }");

        Assert.Equal("PLAT011", diagnostic.Id);
        Assert.Contains("five seconds", diagnostic.GetMessage());
    }

    [Fact]
    public void Diagnostic_points_at_the_offending_method()
    {
        var source = Usings + "public interface IFooGrain : IGrainWithStringKey { Task Ok(); int Count(); }";

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);

        var span = diagnostic.Location.SourceSpan;
        Assert.Equal("Count", source.Substring(span.Start, span.Length));
        Assert.Equal("Sample0.cs", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Interface_with_an_error_gets_no_code_and_neither_do_those_inheriting_it()
    {
        var run = GeneratorHarness.Run(Usings + """
            public interface IBadGrain : IGrainWithStringKey { int Count(); }
            public interface IDerivedGrain : IBadGrain { Task Get(); }
            public interface IGoodGrain : IGrainWithStringKey { Task Get(); }
            """);

        // Only the bad interface's own error: the derived one is not blamed for it.
        Assert.Equal(["PLAT001"], run.GeneratorDiagnostics.Select(d => d.Id));
        Assert.Equal(["Samples.IGoodGrain.g.cs"], run.HintNames);
    }

    [Fact]
    public void Error_in_an_inherited_interface_of_another_assembly_is_reported_on_the_inheriting_interface()
    {
        // Compiled without the generator, as an assembly that does not use it would be.
        var library = GeneratorHarness.CreateCompilation([Usings + "public interface IBadGrain : IGrainWithStringKey { int Count(); }"]);

        var source = "using System.Threading.Tasks;\nnamespace Application;\npublic interface IDerivedGrain : Samples.IBadGrain { Task Get(); }";

        var run = GeneratorHarness.Run(source, library.ToMetadataReference());

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("PLAT001", diagnostic.Id);
        Assert.Contains("Samples.IBadGrain.Count", diagnostic.GetMessage());
        var span = diagnostic.Location.SourceSpan;
        Assert.Equal("IDerivedGrain", source.Substring(span.Start, span.Length));
        Assert.Empty(run.HintNames);
    }

    private static Diagnostic SingleDiagnostic(string declarations)
    {
        var run = GeneratorHarness.Run(Usings + declarations);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Empty(run.HintNames);
        return diagnostic;
    }
}
