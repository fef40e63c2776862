using Platform.Actors.CodeGenerator.Tests.Samples;
using Platform.Actors.Invocation;

namespace Platform.Actors.CodeGenerator.Tests;

/// <summary>Checks the code the generator produced for this very project, through MSBuild, as real grains get it.</summary>
public sealed class RuntimeTests
{
    [Fact]
    public void Sample_grain_is_registered_when_first_looked_up()
    {
        var descriptor = GeneratorHarness.Descriptor(typeof(ICounterGrain));

        Assert.Equal(typeof(ICounterGrain), descriptor.InterfaceType);
        Assert.False(descriptor.IsObserver);
        Assert.Equal(["Add", "Get", "Reset"], descriptor.Methods.Select(m => m.Name));
        Assert.Equal(MethodFlags.ReadOnly, descriptor.Methods[1].Flags);
        Assert.Equal(MethodFlags.OneWay, descriptor.Methods[2].Flags);
        Assert.Equal("Platform.Actors.CodeGenerator.Tests.Samples.ICounterGrain.Add(System.Int32)", descriptor.Methods[0].Signature);
        Assert.True(GrainInterfaceRegistry.TryGetMethod(descriptor.Methods[0].Id, out var byId));
        Assert.Same(descriptor.Methods[0], byId);
    }

    [Fact]
    public void Sample_grain_proxy_is_a_reference_to_the_grain()
    {
        var id = new GrainId("counter", "a");

        var proxy = GeneratorHarness.Descriptor(typeof(ICounterGrain)).CreateProxy(id, null!);

        Assert.IsAssignableFrom<ICounterGrain>(proxy);
        Assert.Equal(id, proxy.GrainId);
        Assert.Equal(typeof(ICounterGrain), proxy.InterfaceType);
        Assert.Equal("ICounterGrain:counter/a", proxy.ToString());
    }

    [Fact]
    public async Task Sample_grain_requests_run_against_an_activation()
    {
        var methods = GeneratorHarness.Descriptor(typeof(ICounterGrain)).Methods;
        var grain = new CounterGrain();

        var add = (GrainRequest<int>)methods[0].CreateRequest();
        add.SetArgument(0, 5);
        Assert.Equal(5, await add.InvokeAsync(grain));
        Assert.Equal(5, await ((GrainRequest<int>)methods[1].CreateRequest()).InvokeAsync(grain));
        Assert.Null(await ((GrainRequest<object?>)methods[2].CreateRequest()).InvokeAsync(grain));
        Assert.Equal(0, grain.Count);
    }

    [Fact]
    public void Remindable_proxy_is_generated_in_the_runtime_assembly()
    {
        var descriptor = GeneratorHarness.Descriptor(typeof(IRemindable));

        Assert.Equal(["ReceiveReminder"], descriptor.Methods.Select(m => m.Name));
        Assert.IsAssignableFrom<IRemindable>(descriptor.CreateProxy(new GrainId("remindable", "1"), null!));
    }
}
