using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Platform.Actors.Copying;

/// <summary>
/// Reads and writes one field of an object or of a boxed struct, readonly fields included: compiled to IL
/// where the runtime can, because reflection's GetValue and SetValue dominate the cost of a small copy.
/// </summary>
internal static class FieldAccessors
{
    public static (Func<object, object?> Get, Action<object, object?> Set) For(FieldInfo field)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled) return (field.GetValue, field.SetValue);
        return (CompileGetter(field), CompileSetter(field));
    }

    private static Func<object, object?> CompileGetter(FieldInfo field)
    {
        var method = new DynamicMethod($"get_{field.Name}", typeof(object), [typeof(object)], typeof(FieldAccessors).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        LoadTarget(il, field);
        il.Emit(OpCodes.Ldfld, field);
        if (field.FieldType.IsValueType) il.Emit(OpCodes.Box, field.FieldType);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Func<object, object?>>();
    }

    private static Action<object, object?> CompileSetter(FieldInfo field)
    {
        // Storing into a readonly field is unverifiable, not invalid: skipVisibility lets the JIT accept it,
        // as FieldInfo.SetValue does. Only fresh clones, before anyone else sees them, are written to.
        var method = new DynamicMethod($"set_{field.Name}", null, [typeof(object), typeof(object)], typeof(FieldAccessors).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        LoadTarget(il, field);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(field.FieldType.IsValueType ? OpCodes.Unbox_Any : OpCodes.Castclass, field.FieldType);
        il.Emit(OpCodes.Stfld, field);
        il.Emit(OpCodes.Ret);
        return method.CreateDelegate<Action<object, object?>>();
    }

    // A struct's fields live inside its box: unbox gives their address without copying them out.
    private static void LoadTarget(ILGenerator il, FieldInfo field)
    {
        var declaring = field.DeclaringType!;
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(declaring.IsValueType ? OpCodes.Unbox : OpCodes.Castclass, declaring);
    }
}
