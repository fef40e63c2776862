namespace Platform.Actors;

/// <summary>A request would wait on a grain that is itself waiting on the request: the call chain names the cycle.</summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException()
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
