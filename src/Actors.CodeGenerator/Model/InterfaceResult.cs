namespace Platform.Actors.CodeGenerator.Model;

/// <summary>The outcome of looking at one grain interface: code to emit when it is sound, and what is wrong with it.</summary>
/// <param name="Model">Null when the interface, or one it inherits, has an error: no code is emitted for it then.</param>
internal sealed record InterfaceResult(InterfaceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
