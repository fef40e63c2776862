using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;

namespace Platform.Actors.Copying;

/// <summary>
/// Makes field-for-field clones of objects of one type. object.MemberwiseClone would do, but since .NET 9
/// it crosses into native code on every call, which costs several times an allocation; a compiled clone
/// of an uninitialized object, or a new array, does not.
/// </summary>
internal static class ShallowCloners
{
    private const BindingFlags DeclaredInstanceFields =
        BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    private static readonly Func<object, object> ObjectMemberwiseClone = (Func<object, object>)Delegate.CreateDelegate(
        typeof(Func<object, object>),
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!);

    private static readonly MethodInfo CloneVectorMethod =
        typeof(ShallowCloners).GetMethod(nameof(CloneVector), BindingFlags.Static | BindingFlags.NonPublic)!;

    private static readonly MethodInfo GetUninitializedObjectMethod =
        typeof(RuntimeHelpers).GetMethod(nameof(RuntimeHelpers.GetUninitializedObject))!;

    /// <summary>A cloner for objects whose runtime type is exactly <paramref name="type"/> (a class, a boxed struct or an array).</summary>
    public static Func<object, object> For(Type type)
    {
        if (!RuntimeFeature.IsDynamicCodeCompiled) return ObjectMemberwiseClone;
        if (type.IsSZArray) return CloneVectorMethod.MakeGenericMethod(type.GetElementType()!).CreateDelegate<Func<object, object>>();
        return type.IsArray ? ObjectMemberwiseClone : CompileObjectCloner(type);
    }

    private static object CloneVector<T>(object array) => ((T[])array).AsSpan().ToArray();

    private static Func<object, object> CompileObjectCloner(Type type)
    {
        // The first parameter is bound to the type, so the IL needs no token lookup to allocate.
        var method = new DynamicMethod($"clone_{type.Name}", typeof(object), [typeof(Type), typeof(object)], typeof(ShallowCloners).Module, skipVisibility: true);
        var il = method.GetILGenerator();
        var clone = il.DeclareLocal(typeof(object));
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, GetUninitializedObjectMethod);
        il.Emit(OpCodes.Stloc, clone);
        if (type.IsValueType)
        {
            // A struct is copied whole, from one box into the other.
            il.Emit(OpCodes.Ldloc, clone);
            il.Emit(OpCodes.Unbox, type);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Unbox, type);
            il.Emit(OpCodes.Ldobj, type);
            il.Emit(OpCodes.Stobj, type);
        }
        else
        {
            var source = il.DeclareLocal(type);
            var target = il.DeclareLocal(type);
            il.Emit(OpCodes.Ldarg_1);
            il.Emit(OpCodes.Castclass, type);
            il.Emit(OpCodes.Stloc, source);
            il.Emit(OpCodes.Ldloc, clone);
            il.Emit(OpCodes.Castclass, type);
            il.Emit(OpCodes.Stloc, target);
            for (var declaring = type; declaring is not null && declaring != typeof(object); declaring = declaring.BaseType)
            {
                foreach (var field in declaring.GetFields(DeclaredInstanceFields))
                {
                    il.Emit(OpCodes.Ldloc, target);
                    il.Emit(OpCodes.Ldloc, source);
                    il.Emit(OpCodes.Ldfld, field);
                    il.Emit(OpCodes.Stfld, field);
                }
            }
        }

        il.Emit(OpCodes.Ldloc, clone);
        il.Emit(OpCodes.Ret);
        return (Func<object, object>)method.CreateDelegate(typeof(Func<object, object>), type);
    }
}
