namespace Platform.Actors.Tests.Grains;

public sealed class TimerGrain(TestProbe probe) : Grain, ITimerGrain
{
    public Task StartTimer(TimeSpan period)
    {
        RegisterGrainTimer(_ =>
        {
            probe.Record($"timer:{this.GetPrimaryKeyString()}");
            return Task.CompletedTask;
        }, period, period);
        return Task.CompletedTask;
    }

    public Task Deactivate()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<string> Ping() => Task.FromResult("pong");

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.Record($"deactivated:{this.GetPrimaryKeyString()}:{reason.Code}");
        return Task.CompletedTask;
    }
}
