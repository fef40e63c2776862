namespace Platform.Actors.Runtime;

/// <summary>A call waiting for an answer that must fail once its deadline passes.</summary>
internal interface IExpiringCall
{
    /// <summary>When the caller stops waiting, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    long Deadline { get; }

    void Expire();
}
