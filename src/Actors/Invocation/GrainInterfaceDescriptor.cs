using Platform.Actors.Runtime;

namespace Platform.Actors.Invocation;

/// <summary>A grain or observer interface as generated code registers it: how to make its proxy, and its methods.</summary>
public sealed class GrainInterfaceDescriptor(
    Type interfaceType,
    Func<GrainId, GrainReferenceRuntime, GrainReference> createProxy,
    IReadOnlyList<MethodDescriptor> methods)
{
    public Type InterfaceType { get; } = interfaceType;

    public Func<GrainId, GrainReferenceRuntime, GrainReference> CreateProxy { get; } = createProxy;

    /// <summary>The methods declared on this interface itself (inherited ones belong to their own interface).</summary>
    public IReadOnlyList<MethodDescriptor> Methods { get; } = methods;

    public bool IsObserver => typeof(IGrainObserver).IsAssignableFrom(InterfaceType);
}
