using Platform.Actors.Runtime;

namespace Platform.Actors.Transport;

/// <summary>Answers a request that came over a connection by sending the answer back on it.</summary>
internal sealed class RemoteResponseSink<TResult>(Connection connection, long correlationId) : IResponseSink<TResult>
{
    public void SetResult(TResult result) => connection.Respond(new ResponseFrame<TResult>(correlationId, result, connection));

    public void SetException(Exception exception) => connection.Respond(FailureFrame.From(correlationId, exception));
}
