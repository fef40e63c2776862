using System.Linq;
using Microsoft.CodeAnalysis;

namespace Platform.Actors.CodeGenerator;

/// <summary>
/// Recognises the runtime's types by full name. Looking them up by name costs less than resolving symbols
/// from the compilation for every interface, and the names are the contract with Platform.Actors.
/// </summary>
internal static class KnownTypes
{
    private const string ActorsNamespace = "Platform.Actors";
    private const string TasksNamespace = "System.Threading.Tasks";

    // Interfaces that only mark what a grain is; they have no methods and get no proxy.
    private static readonly string[] MarkerInterfaces =
        ["IAddressable", "IGrain", "IGrainWithStringKey", "IGrainWithGuidKey", "IGrainWithIntegerKey", "IGrainObserver"];

    public static bool IsGrainInterface(INamedTypeSymbol type) =>
        type.TypeKind == TypeKind.Interface
        && !IsMarker(type)
        && type.AllInterfaces.Any(static i => IsActorsType(i, "IGrain") || IsActorsType(i, "IGrainObserver"));

    public static bool IsObserver(INamedTypeSymbol type) =>
        type.AllInterfaces.Any(static i => IsActorsType(i, "IGrainObserver"));

    public static bool IsMarker(INamedTypeSymbol type) =>
        type.Arity == 0 && MarkerInterfaces.Any(name => IsActorsType(type, name));

    public static bool IsOneWay(AttributeData attribute) => IsActorsType(attribute.AttributeClass, "OneWayAttribute");

    public static bool IsReadOnly(AttributeData attribute) => IsActorsType(attribute.AttributeClass, "ReadOnlyAttribute");

    public static bool IsAlwaysInterleave(AttributeData attribute) => IsActorsType(attribute.AttributeClass, "AlwaysInterleaveAttribute");

    public static bool IsResponseTimeout(AttributeData attribute) => IsActorsType(attribute.AttributeClass, "ResponseTimeoutAttribute");

    public static bool IsTask(ITypeSymbol type, int arity) => IsType(type, TasksNamespace, "Task", arity);

    public static bool IsValueTask(ITypeSymbol type, int arity) => IsType(type, TasksNamespace, "ValueTask", arity);

    private static bool IsActorsType(ITypeSymbol? type, string name) => IsType(type, ActorsNamespace, name, 0);

    private static bool IsType(ITypeSymbol? type, string ns, string name, int arity) =>
        type is INamedTypeSymbol named
        && named.Name == name
        && named.Arity == arity
        && named.ContainingType is null
        && named.ContainingNamespace?.ToDisplayString() == ns;
}
