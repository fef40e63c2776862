namespace Platform.Actors.Copying;

/// <summary>
/// Copies values that cross a grain boundary, so that no two activations share a mutable object.
/// Immutable values are passed through. Used by generated code.
/// </summary>
public static class Copier<T>
{
    public static T Copy(T value) => DeepCopier.Copy(value);
}
