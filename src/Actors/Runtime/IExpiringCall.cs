namespace Platform.Actors.Runtime;

/// <summary>A call waiting for an answer that must fail once its deadline passes.</summary>
internal interface IExpiringCall
{
    /// <summary>When the caller stops waiting, as a <see cref="TimeProvider.GetTimestamp"/> value.</summary>
    long Deadline { get; }

    /// <summary>The call's place among the waiting calls of <see cref="ResponseTimeouts"/>; nothing else touches it.</summary>
    ref ResponseTimeouts.Links Waiting { get; }

    void Expire();
}
