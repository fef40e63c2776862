namespace Platform.Grains.Cafes.Chat;

/// <summary>
/// Group commit for a café's messages, pipelined: the messages that arrive while inserts are on their way queue up and
/// go in the next insert together, and up to <c>insertsInFlight</c> inserts run at once, so a message does not wait
/// for the insert before it to come back before its own can start. Each sender hears back once its message is stored,
/// and in the order the messages came, so the café publishes them in that order even when a later insert commits first.
/// Runs on the grain's turns, so it needs no locks.
/// </summary>
internal sealed class MessageAppender(Func<IReadOnlyList<ChatMessage>, Task> append, int insertsInFlight)
{
    private readonly Queue<Batch> _unanswered = new();
    private List<(ChatMessage Message, TaskCompletionSource Stored)> _waiting = [];

    public Task AppendAsync(ChatMessage message)
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Add((message, stored));
        if (_unanswered.Count < insertsInFlight) Start();
        return stored.Task;
    }

    private void Start()
    {
        var batch = new Batch(_waiting);
        _waiting = [];
        _unanswered.Enqueue(batch);
        _ = InsertAsync(batch);
    }

    private async Task InsertAsync(Batch batch)
    {
        try
        {
            await append([.. batch.Entries.Select(entry => entry.Message)]);
        }
        catch (Exception exception)
        {
            batch.Failure = exception;
        }

        batch.Done = true;
        while (_unanswered.TryPeek(out var first) && first.Done)
        {
            _unanswered.Dequeue();
            first.Answer();
        }

        if (_waiting.Count > 0 && _unanswered.Count < insertsInFlight) Start();
    }

    private sealed class Batch(List<(ChatMessage Message, TaskCompletionSource Stored)> entries)
    {
        public List<(ChatMessage Message, TaskCompletionSource Stored)> Entries { get; } = entries;

        public bool Done { get; set; }

        public Exception? Failure { get; set; }

        public void Answer()
        {
            foreach (var (_, stored) in Entries)
            {
                if (Failure is null) stored.SetResult();
                else stored.SetException(Failure);
            }
        }
    }
}
