using System.Text.Json;
using Microsoft.CodeAnalysis;
using Platform.Actors.Invocation;

namespace Platform.Actors.CodeGenerator.Tests;

public sealed class GeneratedCodeTests
{
    [Fact]
    public void Sample_with_every_supported_shape_compiles_without_warnings()
    {
        var run = GeneratorHarness.Run([SampleSources.Grains, SampleSources.MoreGrains]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
    }

    [Fact]
    public void Each_grain_interface_gets_one_file_named_after_it()
    {
        var run = GeneratorHarness.Run([SampleSources.Grains, SampleSources.MoreGrains]);

        Assert.Equal(
            [
                "IGlobalGrain.g.cs",
                "Samples.Users.IAdminGrain.g.cs",
                "Samples.Users.IBothGrain.g.cs",
                "Samples.Users.IChatObserver.g.cs",
                "Samples.Users.IHiddenGrain.g.cs",
                "Samples.Users.IOtherGrain.g.cs",
                "Samples.Users.IPartialGrain.g.cs",
                "Samples.Users.IUserGrain.g.cs",
                "Samples.Users.Outer.INestedGrain.g.cs",
            ],
            run.HintNames.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Marker_interfaces_and_other_interfaces_get_no_code()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            namespace Platform.Actors
            {
                public interface IGrainWithStringKey : IGrain;
            }
            namespace Samples
            {
                public interface IRepository { Task Save(); }
            }
            """);

        Assert.Empty(run.HintNames);
    }

    [Fact]
    public void Generated_types_live_in_their_own_namespace()
    {
        var source = GeneratorHarness.Run(SampleSources.Grains).Source("Samples.Users.IUserGrain.g.cs");

        Assert.Contains("namespace Platform.Actors.Generated.Samples.Users;", source);
        Assert.Contains("internal sealed class UserGrain_Add_4_Request : global::Platform.Actors.Invocation.GrainRequest<int>", source);
        Assert.Contains("internal sealed class UserGrain_Add_5_Request : global::Platform.Actors.Invocation.GrainRequest<int>", source);
        Assert.Contains("internal sealed class UserGrain_Rename_0_Request : global::Platform.Actors.Invocation.GrainRequest<object?>", source);
        Assert.Contains("internal sealed class UserGrainProxy : global::Platform.Actors.Invocation.GrainReference, global::Samples.Users.IUserGrain", source);
        Assert.Contains("[global::System.CodeDom.Compiler.GeneratedCode(\"Platform.Actors.CodeGenerator\", \"1.0\")]", source);
    }

    [Fact]
    public void Attributes_become_flags_and_timeout_in_the_source()
    {
        var source = GeneratorHarness.Run(SampleSources.Grains).Source("Samples.Users.IUserGrain.g.cs");

        Assert.Contains("global::Platform.Actors.Invocation.MethodFlags.ReadOnly | global::Platform.Actors.Invocation.MethodFlags.AlwaysInterleave,", source);
        Assert.Contains("global::System.TimeSpan.Parse(\"00:00:05\", global::System.Globalization.CultureInfo.InvariantCulture)", source);
    }

    [Fact]
    public void Descriptors_carry_flags_timeouts_and_signatures()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleSources.Grains).Output);
        var user = assembly.GetType("Samples.Users.IUserGrain", throwOnError: true)!;
        var observer = assembly.GetType("Samples.Users.IChatObserver", throwOnError: true)!;

        var methods = GeneratorHarness.Descriptor(user).Methods;
        Assert.Equal(
            ["Rename", "GetAge", "Touch", "FindNickname", "Add", "Add", "Describe", "Slow", "Ping", "PingValue", "Collect", "event"],
            methods.Select(m => m.Name));
        Assert.Equal(MethodFlags.ReadOnly | MethodFlags.AlwaysInterleave, methods.Single(m => m.Name == "Describe").Flags);
        Assert.Equal(TimeSpan.FromSeconds(5), methods.Single(m => m.Name == "Slow").ResponseTimeout);
        Assert.Null(methods.Single(m => m.Name == "Rename").ResponseTimeout);
        Assert.Equal(MethodFlags.OneWay, methods.Single(m => m.Name == "Ping").Flags);
        Assert.Equal(MethodFlags.OneWay, methods.Single(m => m.Name == "PingValue").Flags);
        Assert.Equal(MethodFlags.None, methods.Single(m => m.Name == "GetAge").Flags);
        Assert.Equal(typeof(int), methods.Single(m => m.Name == "GetAge").ResultType);
        Assert.Equal(typeof(object), methods.Single(m => m.Name == "Touch").ResultType);
        Assert.Equal([typeof(int), typeof(int)], methods[5].ParameterTypes);
        Assert.Equal(
            [typeof(IReadOnlyList<(int, string)>), typeof(int[]), typeof(Guid?), typeof(string[])],
            methods.Single(m => m.Name == "Collect").ParameterTypes);
        Assert.Equal(12, methods.Select(m => m.Id).Distinct().Count());

        var observerMethods = GeneratorHarness.Descriptor(observer).Methods;
        Assert.Equal(MethodFlags.OneWay, observerMethods.Single(m => m.Name == "Received").Flags);
        Assert.Equal(MethodFlags.None, observerMethods.Single(m => m.Name == "Count").Flags);
        Assert.True(GeneratorHarness.Descriptor(observer).IsObserver);
    }

    [Fact]
    public void Registration_lists_only_the_methods_declared_on_the_interface()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleSources.Grains).Output);

        var admin = GeneratorHarness.Descriptor(assembly.GetType("Samples.Users.IAdminGrain", throwOnError: true)!);
        var both = GeneratorHarness.Descriptor(assembly.GetType("Samples.Users.IBothGrain", throwOnError: true)!);

        Assert.Equal(["Ban"], admin.Methods.Select(m => m.Name));
        Assert.Empty(both.Methods);
    }

    [Fact]
    public void Proxy_implements_the_interface_and_everything_it_inherits()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleSources.Grains).Output);
        var both = assembly.GetType("Samples.Users.IBothGrain", throwOnError: true)!;
        var id = new GrainId("both", "1");

        // No call is made, so the proxy needs no runtime to exist.
        var proxy = GeneratorHarness.Descriptor(both).CreateProxy(id, null!);

        Assert.IsAssignableFrom(both, proxy);
        Assert.IsAssignableFrom<IRemindable>(proxy);
        Assert.IsAssignableFrom(assembly.GetType("Samples.Users.IOtherGrain", throwOnError: true)!, proxy);
        Assert.Equal(both, proxy.InterfaceType);
        Assert.Equal(id, proxy.GrainId);
    }

    [Fact]
    public async Task Requests_invoke_the_method_on_the_target()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleSources.Grains).Output);
        var methods = GeneratorHarness.Descriptor(assembly.GetType("Samples.Users.IUserGrain", throwOnError: true)!).Methods;
        var grain = Activator.CreateInstance(assembly.GetType("Samples.Users.UserGrain", throwOnError: true)!)!;

        var add = (GrainRequest<int>)methods[5].CreateRequest();
        Assert.Equal(2, add.ArgumentCount);
        add.SetArgument(0, 2);
        add.SetArgument(1, 3);
        add.CopyArguments();
        Assert.Equal(3, add.GetArgument(1));
        Assert.Equal(5, await add.InvokeAsync(grain));

        var rename = (GrainRequest<object?>)methods.Single(m => m.Name == "Rename").CreateRequest();
        rename.SetArgument(0, "ada");
        Assert.Null(await rename.InvokeAsync(grain));
        var describe = (GrainRequest<string>)methods.Single(m => m.Name == "Describe").CreateRequest();
        Assert.Equal("ada", await describe.InvokeAsync(grain));

        var nickname = (GrainRequest<string?>)methods.Single(m => m.Name == "FindNickname").CreateRequest();
        nickname.SetArgument(0, 7);
        nickname.SetArgument(1, "bob");
        Assert.Equal("bob7", await nickname.InvokeAsync(grain));

        Assert.Throws<ArgumentOutOfRangeException>(() => add.GetArgument(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => methods[1].CreateRequest().SetArgument(0, null));
    }

    [Fact]
    public void Requests_write_and_read_their_arguments_as_json_of_the_declared_types()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleSources.Grains).Output);
        var methods = GeneratorHarness.Descriptor(assembly.GetType("Samples.Users.IUserGrain", throwOnError: true)!).Methods;
        var sent = methods.Single(m => m.Name == "FindNickname").CreateRequest();
        sent.SetArgument(0, 7);
        sent.SetArgument(1, null);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            sent.WriteArguments(writer, JsonSerializerOptions.Default);
            writer.WriteEndArray();
        }

        var received = methods.Single(m => m.Name == "FindNickname").CreateRequest();
        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        reader.Read();
        received.ReadArguments(ref reader, JsonSerializerOptions.Default);

        Assert.Equal("[7,null]", System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.Equal(7, received.GetArgument(0));
        Assert.Null(received.GetArgument(1));
    }

    [Fact]
    public async Task Void_observer_methods_are_invoked_and_answer_null()
    {
        var assembly = GeneratorHarness.Load(GeneratorHarness.Run(SampleSources.Grains).Output);
        var methods = GeneratorHarness.Descriptor(assembly.GetType("Samples.Users.IChatObserver", throwOnError: true)!).Methods;
        var observer = Activator.CreateInstance(assembly.GetType("Samples.Users.ChatObserver", throwOnError: true)!)!;

        var received = (GrainRequest<object?>)methods[0].CreateRequest();
        received.SetArgument(0, "hello");
        Assert.Null(await received.InvokeAsync(observer));
        Assert.Equal(["hello"], (List<string>)observer.GetType().GetProperty("Messages")!.GetValue(observer)!);
    }

    [Fact]
    public void Inherited_methods_of_other_assemblies_get_their_own_request_classes()
    {
        var source = GeneratorHarness.Run(SampleSources.Grains).Source("Samples.Users.IAdminGrain.g.cs");

        // IRemindable's request class is internal to Platform.Actors: the proxy carries its own.
        Assert.Contains("internal sealed class Platform_Actors_Remindable_ReceiveReminder_0_Request", source);
        Assert.Contains("new Platform_Actors_Remindable_ReceiveReminder_0_Request {", source);
        // IUserGrain's is in this assembly: the proxy uses it.
        Assert.Contains("new global::Platform.Actors.Generated.Samples.Users.UserGrain_GetAge_1_Request()", source);
        Assert.DoesNotContain("class UserGrain_GetAge_1_Request", source);
    }

    [Fact]
    public void Interfaces_of_a_referenced_sample_assembly_can_be_inherited()
    {
        var library = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Platform.Actors;
            namespace Library;
            public interface IBaseGrain : IGrainWithStringKey { Task<int> Get(); }
            """);
        Assert.Empty(library.CompilationProblems());

        var run = GeneratorHarness.Run(
            """
            using System.Threading.Tasks;
            using Platform.Actors;
            namespace Application;
            public interface IDerivedGrain : Library.IBaseGrain { Task Set(int value); }
            """,
            library.Output.ToMetadataReference());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Contains("class Library_BaseGrain_Get_0_Request", run.Source("Application.IDerivedGrain.g.cs"));
    }

    [Fact]
    public void Keywords_used_as_names_are_escaped()
    {
        var run = GeneratorHarness.Run("""
            using System.Threading.Tasks;
            using Platform.Actors;
            namespace Samples.@class;
            public interface @event : IGrainWithStringKey { Task @return(int @in); }
            public interface IDerivedGrain : @event;
            """);
        var library = GeneratorHarness.Run(
            "namespace Application; public interface IRemoteGrain : Samples.@class.IDerivedGrain;",
            run.Output.ToMetadataReference());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationProblems());
        Assert.Equal(["Samples.class.IDerivedGrain.g.cs", "Samples.class.event.g.cs"], run.HintNames.Order(StringComparer.Ordinal));
        Assert.Empty(library.GeneratorDiagnostics);
        Assert.Empty(library.CompilationProblems());
        Assert.Contains("class Samples_class_event_return_0_Request", library.Source("Application.IRemoteGrain.g.cs"));
    }

    [Fact]
    public void Editing_a_base_interface_regenerates_the_proxies_that_inherit_it()
    {
        const string Derived = """
            using System.Threading.Tasks;
            namespace Samples;
            public interface IDerivedGrain : IBaseGrain { Task Own(); }
            """;
        const string Base = """
            using System.Threading.Tasks;
            using Platform.Actors;
            namespace Samples;
            public interface IBaseGrain : IGrainWithStringKey { Task First(); }
            """;
        var run = GeneratorHarness.Run([Derived, Base]);
        var baseTree = run.Input.SyntaxTrees.Last();
        var edited = run.Input.ReplaceSyntaxTree(baseTree, baseTree.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(Base.Replace("Task First();", "Task First(); Task Second();", StringComparison.Ordinal))));

        var rerun = run.Driver.RunGeneratorsAndUpdateCompilation(edited, out var output, out _).GetRunResult();

        var derived = rerun.Results.Single().GeneratedSources.Single(s => s.HintName == "Samples.IDerivedGrain.g.cs").SourceText.ToString();
        Assert.Contains("global::Samples.IBaseGrain.Second()", derived);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Unrelated_edits_leave_the_generated_model_cached()
    {
        var run = GeneratorHarness.Run(SampleSources.Grains);
        var edited = run.Input.AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
            "namespace Samples; public sealed class Unrelated { }",
            (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)run.Input.SyntaxTrees.First().Options));

        var rerun = run.Driver.RunGenerators(edited).GetRunResult();

        var outputs = rerun.Results.Single().TrackedSteps[GrainInterfaceGenerator.TrackingName]
            .SelectMany(step => step.Outputs)
            .ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
            $"{output.Value}: {output.Reason}"));
    }
}
