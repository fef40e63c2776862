namespace Platform.Actors.CodeGenerator.Model;

/// <param name="Type">The type as declared, with nullable annotations, for fields and signatures.</param>
/// <param name="TypeOfType">The type without nullable annotations, which is what <c>typeof</c> accepts.</param>
/// <param name="IsValueType">Value-type fields need no <c>= default!</c> to satisfy nullable analysis.</param>
internal sealed record ParameterModel(string Type, string TypeOfType, bool IsValueType);
