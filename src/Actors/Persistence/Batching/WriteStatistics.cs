namespace Platform.Actors.Persistence.Batching;

/// <summary>How well writes were batched: statements sent against writes carried. Shared by all writer loops.</summary>
internal sealed class WriteStatistics
{
    private long _statements;
    private long _writes;

    public long Statements => Interlocked.Read(ref _statements);

    public long Writes => Interlocked.Read(ref _writes);

    public void CountStatement(int writes)
    {
        Interlocked.Increment(ref _statements);
        Interlocked.Add(ref _writes, writes);
    }
}
