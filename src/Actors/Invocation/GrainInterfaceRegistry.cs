using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Platform.Actors.Invocation;

/// <summary>
/// Every grain and observer interface in the process, registered by generated module initializers.
/// </summary>
public static class GrainInterfaceRegistry
{
    private static readonly ConcurrentDictionary<Type, GrainInterfaceDescriptor> ByInterface = new();
    private static readonly ConcurrentDictionary<uint, MethodDescriptor> ByMethodId = new();

    public static void Register(GrainInterfaceDescriptor descriptor)
    {
        ByInterface[descriptor.InterfaceType] = descriptor;
        foreach (var method in descriptor.Methods)
        {
            if (ByMethodId.TryGetValue(method.Id, out var existing) && existing.Signature != method.Signature)
            {
                throw new InvalidOperationException(
                    $"Methods {existing.Signature} and {method.Signature} hash to the same id; rename one of them.");
            }

            ByMethodId[method.Id] = method;
        }
    }

    public static bool TryGet(Type interfaceType, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrainInterfaceDescriptor? descriptor)
    {
        if (ByInterface.TryGetValue(interfaceType, out descriptor)) return true;

        // A module initializer runs when code in its assembly first runs, and naming an interface runs none:
        // run it now, once, in case the interface's assembly has not been touched yet.
        RuntimeHelpers.RunModuleConstructor(interfaceType.Module.ModuleHandle);
        return ByInterface.TryGetValue(interfaceType, out descriptor);
    }

    public static bool TryGetMethod(uint methodId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MethodDescriptor? method) =>
        ByMethodId.TryGetValue(methodId, out method);
}
