using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Platform.Actors.CodeGenerator.Model;

namespace Platform.Actors.CodeGenerator;

/// <summary>Turns a grain interface symbol into the plain model the emitter works from, checking it on the way.</summary>
internal static class GrainInterfaceParser
{
    private const string GeneratedRoot = "Platform.Actors.Generated";

    // Signatures must repeat the interface's nullable annotations, or explicit implementations warn.
    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    // typeof rejects nullable reference annotations (CS8639).
    private static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    /// <summary>Null when <paramref name="type"/> is not a grain or observer interface.</summary>
    public static InterfaceResult? Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (!KnownTypes.IsGrainInterface(type)) return null;

        var diagnostics = new List<DiagnosticInfo>();
        var stem = Stem(type);
        var declared = ParseDeclaredMethods(
            type,
            diagnostics,
            reportAt: null,
            requestClassName: method => $"{stem}_{method}_Request",
            requestTypeReference: name => name,
            cancellationToken);
        var hasErrors = diagnostics.Count > 0;

        var copied = new List<MethodModel>();
        var inherited = new List<MethodModel>();
        foreach (var baseType in type.AllInterfaces)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (KnownTypes.IsMarker(baseType)) continue;

            if (!KnownTypes.IsGrainInterface(baseType))
            {
                if (HasAbstractInstanceMembers(baseType))
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NonGrainBaseInterface, FirstLocation(type), type.ToDisplayString(), baseType.ToDisplayString()));
                    hasErrors = true;
                }

                continue;
            }

            var baseStem = Stem(baseType);
            if (SymbolEqualityComparer.Default.Equals(baseType.ContainingAssembly, type.ContainingAssembly))
            {
                // The base interface's own file emits its request classes and reports its own errors;
                // when it has errors it emits nothing, and neither may this interface, which would refer to it.
                var ignored = new List<DiagnosticInfo>();
                var baseNamespace = GeneratedNamespace(baseType);
                var methods = ParseDeclaredMethods(
                    baseType,
                    ignored,
                    reportAt: null,
                    requestClassName: method => $"{baseStem}_{method}_Request",
                    requestTypeReference: name => $"global::{baseNamespace}.{name}",
                    cancellationToken);
                hasErrors |= ignored.Count > 0;
                inherited.AddRange(methods);
            }
            else
            {
                // The declaring assembly's request classes are internal to it: emit our own, nested in the proxy.
                // Its problems surface here, on the interface that inherits them, as nothing else will report them.
                var prefix = QualifiedStem(baseType);
                var before = diagnostics.Count;
                var methods = ParseDeclaredMethods(
                    baseType,
                    diagnostics,
                    reportAt: FirstLocation(type),
                    requestClassName: method => $"{prefix}_{method}_Request",
                    requestTypeReference: name => name,
                    cancellationToken);
                hasErrors |= diagnostics.Count > before;
                copied.AddRange(methods);
                inherited.AddRange(methods);
            }
        }

        var model = hasErrors
            ? null
            : new InterfaceModel(
                HintName(type),
                GeneratedNamespace(type),
                type.ToDisplayString(TypeOfFormat),
                stem,
                new EquatableArray<MethodModel>(declared),
                new EquatableArray<MethodModel>(copied),
                new EquatableArray<MethodModel>(declared.Concat(inherited)));
        return new InterfaceResult(model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    /// <summary>
    /// Checks the interface and the members it declares itself, and describes its methods. Problems are
    /// reported on the members, or at <paramref name="reportAt"/> when the interface lives in another assembly.
    /// </summary>
    /// <param name="requestClassName">Makes a request class name from "{method}_{index}".</param>
    private static List<MethodModel> ParseDeclaredMethods(
        INamedTypeSymbol type,
        List<DiagnosticInfo> diagnostics,
        Location? reportAt,
        Func<string, string> requestClassName,
        Func<string, string> requestTypeReference,
        CancellationToken cancellationToken)
    {
        var interfaceName = type.ToDisplayString();
        if (IsGeneric(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericInterface, reportAt ?? FirstLocation(type), interfaceName));
        }

        // An interface of another assembly may be internal there and still be visible here, through InternalsVisibleTo.
        if (reportAt is null && !IsAccessible(type))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InaccessibleInterface, FirstLocation(type), interfaceName));
        }

        var isObserver = KnownTypes.IsObserver(type);
        var declaringInterface = type.ToDisplayString(TypeOfFormat);
        var methods = new List<MethodModel>();
        var index = 0;
        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = reportAt ?? FirstLocation(member);
            switch (member)
            {
                case IPropertySymbol property when !property.IsStatic || property.IsAbstract:
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PropertyOrEvent, location, interfaceName, property.IsIndexer ? "indexer" : "property", property.Name));
                    break;
                case IEventSymbol @event when !@event.IsStatic || @event.IsAbstract:
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.PropertyOrEvent, location, interfaceName, "event", @event.Name));
                    break;
                case IMethodSymbol method when method.MethodKind == MethodKind.Ordinary || method.MethodKind == MethodKind.UserDefinedOperator || method.MethodKind == MethodKind.Conversion:
                    if (method.IsStatic && !method.IsAbstract)
                    {
                        // A static helper with a body is not called through a grain reference; leave it alone.
                        break;
                    }

                    if (method.IsStatic || !method.IsAbstract)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMember, location, interfaceName, method.Name));
                        break;
                    }

                    var model = ParseMethod(method, interfaceName, declaringInterface, isObserver, location, diagnostics, $"{method.Name}_{index}", requestClassName, requestTypeReference);
                    if (model is not null) methods.Add(model);
                    index++;
                    break;
            }
        }

        return methods;
    }

    private static MethodModel? ParseMethod(
        IMethodSymbol method,
        string interfaceName,
        string declaringInterface,
        bool isObserver,
        Location? location,
        List<DiagnosticInfo> diagnostics,
        string nameWithIndex,
        Func<string, string> requestClassName,
        Func<string, string> requestTypeReference)
    {
        var errors = diagnostics.Count;
        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.GenericMethod, location, interfaceName, method.Name));
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ByRefParameter, location, interfaceName, method.Name, parameter.Name, RefKindText(parameter.RefKind)));
            }
            else if (parameter.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || parameter.Type.IsRefLikeType)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedParameterType, location, interfaceName, method.Name, parameter.Name, parameter.Type.ToDisplayString()));
            }
            else if (ContainsDynamic(parameter.Type))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DynamicType, location, interfaceName, method.Name, $"parameter '{parameter.Name}'"));
            }
        }

        if (ContainsDynamic(method.ReturnType))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.DynamicType, location, interfaceName, method.Name, "its return type"));
        }

        var returnKind = ClassifyReturn(method, isObserver);
        if (returnKind is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedReturnType, location, interfaceName, method.Name, method.ReturnType.ToDisplayString()));
        }

        var attributes = method.GetAttributes();
        var isOneWay = attributes.Any(KnownTypes.IsOneWay);
        if (isOneWay && returnKind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OneWayWithResult, location, interfaceName, method.Name, method.ReturnType.ToDisplayString()));
        }

        string? responseTimeout = null;
        if (attributes.FirstOrDefault(KnownTypes.IsResponseTimeout) is { } timeoutAttribute
            && timeoutAttribute.ConstructorArguments.Length == 1)
        {
            responseTimeout = timeoutAttribute.ConstructorArguments[0].Value as string;
            if (responseTimeout is null || !TimeSpan.TryParse(responseTimeout, CultureInfo.InvariantCulture, out _))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidResponseTimeout, location, interfaceName, method.Name, responseTimeout ?? "null"));
            }
        }

        if (diagnostics.Count > errors || returnKind is not { } kind) return null;

        var result = kind is ReturnKind.TaskOfT or ReturnKind.ValueTaskOfT
            ? ((INamedTypeSymbol)method.ReturnType).TypeArguments[0]
            : null;
        var className = requestClassName(nameWithIndex);
        return new MethodModel(
            method.Name,
            Escape(method.Name),
            declaringInterface,
            className,
            requestTypeReference(className),
            kind,
            method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(TypeFormat),
            result?.ToDisplayString(TypeFormat) ?? "object?",
            result?.ToDisplayString(TypeOfFormat) ?? "object",
            attributes.Any(KnownTypes.IsReadOnly),
            attributes.Any(KnownTypes.IsAlwaysInterleave),
            isOneWay || kind == ReturnKind.Void,
            responseTimeout,
            new EquatableArray<ParameterModel>(method.Parameters.Select(static p => new ParameterModel(
                p.Type.ToDisplayString(TypeFormat),
                p.Type.ToDisplayString(TypeOfFormat),
                p.Type.IsValueType))));
    }

    private static ReturnKind? ClassifyReturn(IMethodSymbol method, bool isObserver)
    {
        if (method.ReturnsByRef || method.ReturnsByRefReadonly) return null;
        if (method.ReturnsVoid) return isObserver ? ReturnKind.Void : null;

        var type = method.ReturnType;
        if (KnownTypes.IsTask(type, 0)) return ReturnKind.Task;
        if (KnownTypes.IsTask(type, 1)) return ReturnKind.TaskOfT;
        if (KnownTypes.IsValueTask(type, 0)) return ReturnKind.ValueTask;
        if (KnownTypes.IsValueTask(type, 1)) return ReturnKind.ValueTaskOfT;
        return null;
    }

    private static bool HasAbstractInstanceMembers(INamedTypeSymbol type) =>
        type.GetMembers().Any(static m => m.IsAbstract && !m.IsStatic && m is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol or IEventSymbol);

    // typeof(dynamic) does not compile, and a request class cannot derive from GrainRequest<dynamic>.
    private static bool ContainsDynamic(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Dynamic } => true,
        IArrayTypeSymbol array => ContainsDynamic(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsDynamic),
        _ => false,
    };

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.Arity > 0) return true;
        }

        return false;
    }

    private static bool IsAccessible(INamedTypeSymbol type)
    {
        if (type.IsFileLocal) return false;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"IFoo" becomes "Foo"; a nested interface is prefixed by its containing types: "Outer_Foo".</summary>
    private static string Stem(INamedTypeSymbol type)
    {
        var name = type.Name;
        var stem = name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name.Substring(1) : name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            stem = $"{outer.Name}_{stem}";
        }

        return stem;
    }

    /// <summary>The stem prefixed by the namespace, for request classes copied from interfaces of other namespaces.</summary>
    private static string QualifiedStem(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? $"{string.Join("_", NamespaceParts(ns))}_{Stem(type)}"
            : Stem(type);

    // Generated types sit in a namespace of their own, so their names cannot clash with the user's.
    private static string GeneratedNamespace(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? $"{GeneratedRoot}.{ns.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted))}"
            : GeneratedRoot;

    private static string HintName(INamedTypeSymbol type)
    {
        var name = type.Name;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = $"{outer.Name}.{name}";
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns
            ? $"{string.Join(".", NamespaceParts(ns))}.{name}.g.cs"
            : $"{name}.g.cs";
    }

    // Names as metadata spells them, without the @ that display strings put before keywords: those go into
    // file and class names, where an @ is not allowed.
    private static IEnumerable<string> NamespaceParts(INamespaceSymbol ns)
    {
        var parts = new Stack<string>();
        for (var current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Push(current.Name);
        }

        return parts;
    }

    private static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    private static string RefKindText(RefKind refKind) => refKind switch
    {
        RefKind.Ref => "ref",
        RefKind.Out => "out",
        RefKind.In => "in",
        _ => "ref readonly",
    };

    private static Location? FirstLocation(ISymbol symbol) => symbol.Locations.FirstOrDefault(static l => l.IsInSource);
}
