using Microsoft.CodeAnalysis;

namespace Platform.Actors.CodeGenerator;

/// <summary>
/// What the generator reports about grain interfaces it cannot generate code for. All are errors: a grain
/// interface without a proxy would otherwise fail only at run time, when it is first called.
/// </summary>
internal static class Diagnostics
{
    private const string Category = "Platform.Actors";

    public static readonly DiagnosticDescriptor UnsupportedReturnType = Error(
        "PLAT001",
        "Unsupported return type",
        "Method '{0}.{1}' returns '{2}': grain interface methods must return Task, Task<T>, ValueTask or ValueTask<T>, and only observer methods may return void");

    public static readonly DiagnosticDescriptor GenericMethod = Error(
        "PLAT002",
        "Generic grain method",
        "Method '{0}.{1}' is generic: grain interface methods cannot have type parameters");

    public static readonly DiagnosticDescriptor GenericInterface = Error(
        "PLAT003",
        "Generic grain interface",
        "Grain interface '{0}' is generic or nested in a generic type: grain interfaces cannot have type parameters");

    public static readonly DiagnosticDescriptor ByRefParameter = Error(
        "PLAT004",
        "By-reference parameter",
        "Parameter '{2}' of method '{0}.{1}' is passed by reference ({3}): grain calls pass arguments by value");

    public static readonly DiagnosticDescriptor PropertyOrEvent = Error(
        "PLAT005",
        "Property or event on a grain interface",
        "Grain interface '{0}' declares {1} '{2}': grain interfaces may only declare methods");

    public static readonly DiagnosticDescriptor OneWayWithResult = Error(
        "PLAT006",
        "One-way method returns a value",
        "Method '{0}.{1}' is [OneWay] but returns '{2}': a one-way call has no result, so it must return Task or ValueTask");

    public static readonly DiagnosticDescriptor InaccessibleInterface = Error(
        "PLAT007",
        "Grain interface is not accessible",
        "Grain interface '{0}' is not accessible to generated code: make it, and every type containing it, public or internal");

    public static readonly DiagnosticDescriptor NonGrainBaseInterface = Error(
        "PLAT008",
        "Grain interface inherits members of a non-grain interface",
        "Grain interface '{0}' inherits '{1}', which declares members but is not a grain interface: make '{1}' extend a grain interface too");

    public static readonly DiagnosticDescriptor UnsupportedMember = Error(
        "PLAT009",
        "Unsupported grain interface member",
        "Member '{0}.{1}' is static abstract or has a default implementation: grain interfaces may only declare instance methods without a body");

    public static readonly DiagnosticDescriptor UnsupportedParameterType = Error(
        "PLAT010",
        "Unsupported parameter type",
        "Parameter '{2}' of method '{0}.{1}' has type '{3}', which a request cannot hold: pointers and ref structs cannot be sent to a grain");

    public static readonly DiagnosticDescriptor InvalidResponseTimeout = Error(
        "PLAT011",
        "Invalid response timeout",
        "Method '{0}.{1}' has [ResponseTimeout(\"{2}\")], which is not a TimeSpan such as \"00:00:05\"");

    public static readonly DiagnosticDescriptor DynamicType = Error(
        "PLAT012",
        "dynamic in a grain method",
        "Method '{0}.{1}' uses 'dynamic' in {2}: use object instead");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
