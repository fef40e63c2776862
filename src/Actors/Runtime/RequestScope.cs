namespace Platform.Actors.Runtime;

/// <summary>
/// The message whose request the current code runs for, so a grain call made inside a request knows its
/// call chain. A request that started alone on its activation is found through the activation's work
/// queue, which is the code's synchronization context; only a request that started while others were
/// running needs an async-local (which allocates an execution context per request).
/// </summary>
internal static class RequestScope
{
    private static readonly AsyncLocal<Message?> Interleaved = new();

    public static Message? Current =>
        Interleaved.Value ?? (SynchronizationContext.Current as ActivationWorkQueue)?.SoleRequest;

    public static void EnterInterleaved(Message message) => Interleaved.Value = message;

    public static void ExitInterleaved() => Interleaved.Value = null;
}
