namespace Platform.Actors.Tests.Grains;

public sealed class FaultyGrain : Grain, IFaultyGrain
{
    public Task Throw(string message) => throw new GrainFaultException(message);

    public async Task ThrowAfterAwait(string message)
    {
        await Task.Yield();
        throw new InvalidOperationException(message);
    }

    public Task Hang() => new TaskCompletionSource().Task;

    public Task<string> Ping() => Task.FromResult("pong");
}
