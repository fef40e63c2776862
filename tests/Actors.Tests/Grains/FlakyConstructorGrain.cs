namespace Platform.Actors.Tests.Grains;

/// <summary>Its constructor throws the first time for each key.</summary>
public sealed class FlakyConstructorGrain : Grain, IFlakyConstructorGrain
{
    public FlakyConstructorGrain(TestProbe probe)
    {
        var attempt = $"constructed:{this.GetPrimaryKeyString()}";
        var first = probe.Count(attempt) == 0;
        probe.Record(attempt);
        if (first) throw new InvalidOperationException("The first construction fails.");
    }

    public Task<string> Ping() => Task.FromResult("pong");
}
