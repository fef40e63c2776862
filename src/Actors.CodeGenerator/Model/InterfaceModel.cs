namespace Platform.Actors.CodeGenerator.Model;

/// <summary>What one generated file is made from.</summary>
/// <param name="HintName">The generated file's name.</param>
/// <param name="GeneratedNamespace">Where the generated types live, apart from the user's own namespaces.</param>
/// <param name="TypeName">The interface as a <c>global::</c> name.</param>
/// <param name="Stem">The interface's name without its leading I, prefixed by any containing types; names every generated type.</param>
/// <param name="DeclaredMethods">Methods declared on the interface itself: each gets a request class and a registry entry.</param>
/// <param name="CopiedMethods">
/// Methods inherited from interfaces of other assemblies, whose request classes are internal there; they are
/// emitted again, nested in the proxy.
/// </param>
/// <param name="ProxyMethods">Every method the proxy implements, declared and inherited.</param>
internal sealed record InterfaceModel(
    string HintName,
    string GeneratedNamespace,
    string TypeName,
    string Stem,
    EquatableArray<MethodModel> DeclaredMethods,
    EquatableArray<MethodModel> CopiedMethods,
    EquatableArray<MethodModel> ProxyMethods);
