using System.Reflection;

namespace Platform.Actors.Copying;

/// <summary>
/// A field whose value a shallow clone must not share: a reference to copy (<see cref="StructPlan"/> null),
/// or a struct holding such references, copied field by field by its plan.
/// </summary>
internal readonly record struct FieldCopy(FieldInfo Field, CopyPlan? StructPlan);
