namespace Platform.Actors.Transport;

/// <summary>
/// An exception crosses the wire as its type name and message and is rebuilt on the caller's side, so
/// that a grain's exception reaches a remote caller with its type and message, as it does a local one.
/// </summary>
internal static class ExceptionCodec
{
    public static string TypeName(Exception exception)
    {
        var type = exception.GetType();
        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    public static Exception Rebuild(string typeName, string message)
    {
        var type = Type.GetType(typeName, throwOnError: false);
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && type.GetConstructor([typeof(string)]) is { } constructor)
        {
            try
            {
                return (Exception)constructor.Invoke([message]);
            }
            catch (System.Reflection.TargetInvocationException)
            {
                // A constructor that rejects the message: fall through to the generic form.
            }
        }

        // The type is unknown here (the grain's assembly is not loaded in this process): keep its name in the message.
        return new InvalidOperationException($"{typeName.Split(',')[0]}: {message}");
    }
}
