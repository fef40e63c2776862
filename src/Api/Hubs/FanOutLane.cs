namespace Platform.Api.Hubs;

/// <summary>
/// One of the event relay's lanes: it issues the group sends posted to it one after the other, in the order they
/// were posted, on the thread pool. Each connection belongs to one lane, so it gets its events in order, while the
/// lanes write one event to their share of a big group on several cores at once.
/// </summary>
internal sealed class FanOutLane : IThreadPoolWorkItem
{
    // Enough to amortise the hop to the pool, few enough that a busy lane cannot hold a thread for long.
    private const int SendsPerTurn = 64;

    private readonly Queue<(Func<Task> Send, TaskCompletionSource Sent)> _sends = new();
    private bool _scheduled;

    /// <summary>Queues a send; the task completes when that send has completed (or failed).</summary>
    public Task Post(Func<Task> send)
    {
        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sends)
        {
            _sends.Enqueue((send, sent));
            if (_scheduled) return sent.Task;
            _scheduled = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        return sent.Task;
    }

    void IThreadPoolWorkItem.Execute()
    {
        for (var done = 0; done < SendsPerTurn; done++)
        {
            (Func<Task> Send, TaskCompletionSource Sent) item;
            lock (_sends)
            {
                if (!_sends.TryDequeue(out item))
                {
                    _scheduled = false;
                    return;
                }
            }

            Issue(item.Send, item.Sent);
        }

        lock (_sends)
        {
            if (_sends.Count == 0)
            {
                _scheduled = false;
                return;
            }
        }

        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    // A group send returns once every connection has been handed its message; the rest (a slow client's flush)
    // completes later and must not hold back the next send.
    private static void Issue(Func<Task> send, TaskCompletionSource sent)
    {
        Task sending;
        try
        {
            sending = send();
        }
        catch (Exception exception)
        {
            sent.SetException(exception);
            return;
        }

        if (sending.IsCompleted) Complete(sending, sent);
        else sending.ContinueWith(static (task, state) => Complete(task, (TaskCompletionSource)state!), sent, TaskScheduler.Default);
    }

    private static void Complete(Task sending, TaskCompletionSource sent)
    {
        if (sending.IsCompletedSuccessfully) sent.SetResult();
        else if (sending.IsCanceled) sent.SetCanceled();
        else sent.SetException(sending.Exception!.InnerExceptions);
    }
}
