namespace Platform.Actors.Runtime;

/// <summary>Where the answer to one request goes: a waiting local caller, or a connection back to a remote one.</summary>
internal interface IResponseSink<in TResult>
{
    void SetResult(TResult result);

    void SetException(Exception exception);
}
