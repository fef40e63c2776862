namespace Platform.Actors.Tests.Grains;

public sealed class ChainGrain : Grain, IChainGrain
{
    public Task<string> CallThrough(string otherKey) =>
        GrainFactory.GetGrain<IChainGrain>(otherKey).CallBack(this.GetPrimaryKeyString());

    public async Task<string> CallBack(string callerKey) =>
        $"{this.GetPrimaryKeyString()} heard {await GrainFactory.GetGrain<IChainGrain>(callerKey).Name()}";

    public Task<string> Name() => Task.FromResult(this.GetPrimaryKeyString());
}
