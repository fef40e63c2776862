namespace Platform.Actors.CodeGenerator.Model;

/// <summary>One grain interface method, with everything its request class and proxy body need.</summary>
/// <param name="Name">The method's name as metadata spells it; it goes into the descriptor and the method id.</param>
/// <param name="EscapedName">The name as C# source must spell it (<c>@event</c>).</param>
/// <param name="DeclaringInterface">The interface declaring the method, as a <c>global::</c> name.</param>
/// <param name="RequestClassName">The simple name of the request class to emit.</param>
/// <param name="RequestTypeReference">How the proxy names the request class; qualified when another file emits it.</param>
/// <param name="ReturnType">The declared return type, for the proxy's signature.</param>
/// <param name="ResultType">The awaited result (<c>object?</c> when there is none), as the request's type argument.</param>
/// <param name="ResultTypeOfType">The result without nullable annotations, for <c>typeof</c>.</param>
/// <param name="ResponseTimeout">The text of <c>[ResponseTimeout]</c>, already checked to parse.</param>
internal sealed record MethodModel(
    string Name,
    string EscapedName,
    string DeclaringInterface,
    string RequestClassName,
    string RequestTypeReference,
    ReturnKind ReturnKind,
    string ReturnType,
    string ResultType,
    string ResultTypeOfType,
    bool IsReadOnly,
    bool IsAlwaysInterleave,
    bool IsOneWay,
    string? ResponseTimeout,
    EquatableArray<ParameterModel> Parameters);
