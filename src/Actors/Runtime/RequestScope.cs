namespace Platform.Actors.Runtime;

/// <summary>
/// The message whose request the current code runs for. It flows with the async context, so a grain
/// call made anywhere inside a request knows its call chain, even when the activation interleaves.
/// </summary>
internal static class RequestScope
{
    private static readonly AsyncLocal<Message?> CurrentMessage = new();

    public static Message? Current
    {
        get => CurrentMessage.Value;
        set => CurrentMessage.Value = value;
    }
}
