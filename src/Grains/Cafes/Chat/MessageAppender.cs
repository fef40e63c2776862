namespace Platform.Grains.Cafes.Chat;

/// <summary>
/// Group commit for a café's messages: while one insert is on its way, the messages that arrive queue up and go
/// in the next insert together, so a busy café commits many messages per round trip instead of one. Each sender
/// still hears back only once its message is stored. Runs on the grain's turns, so it needs no locks.
/// </summary>
internal sealed class MessageAppender(Func<IReadOnlyList<ChatMessage>, Task> append)
{
    private List<(ChatMessage Message, TaskCompletionSource Stored)> _waiting = [];
    private bool _flushing;

    public Task AppendAsync(ChatMessage message)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((message, stored));
        if (!_flushing) _ = FlushAsync();
        return stored.Task;
    }

    private async Task FlushAsync()
    {
        _flushing = true;
        try
        {
            while (_waiting.Count > 0)
            {
                var batch = _waiting;
                _waiting = [];
                try
                {
                    await append([.. batch.Select(entry => entry.Message)]);
                    foreach (var entry in batch) entry.Stored.SetResult();
                }
                catch (Exception exception)
                {
                    foreach (var entry in batch) entry.Stored.SetException(exception);
                }
            }
        }
        finally
        {
            _flushing = false;
        }
    }
}
