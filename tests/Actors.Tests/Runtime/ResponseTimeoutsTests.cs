using Platform.Actors.Runtime;
using Platform.Actors.Testing;

namespace Platform.Actors.Tests.Runtime;

public sealed class ResponseTimeoutsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ManualTimeProvider _time = new();

    [Fact]
    public void A_call_answered_in_time_is_let_go_at_once_and_never_expires()
    {
        using var timeouts = new ResponseTimeouts(_time);
        var call = new WaitingCall(_time.GetTimestamp() + _time.TimestampTicks(Timeout));
        timeouts.Track(call);

        timeouts.Completed(call);
        _time.Advance(Timeout + TimeSpan.FromSeconds(1));

        Assert.Equal(0, timeouts.WaitingCount);
        Assert.Equal(0, call.Expired);
    }

    [Fact]
    public void A_call_without_an_answer_expires_once_its_deadline_passes_and_is_let_go()
    {
        using var timeouts = new ResponseTimeouts(_time);
        var call = new WaitingCall(_time.GetTimestamp() + _time.TimestampTicks(Timeout));
        timeouts.Track(call);

        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        var expiredEarly = call.Expired;
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, expiredEarly);
        Assert.Equal(1, call.Expired);
        Assert.Equal(0, timeouts.WaitingCount);
    }

    private sealed class WaitingCall(long deadline) : IExpiringCall
    {
        public long Deadline { get; } = deadline;

        public int Expired { get; private set; }

        public void Expire() => Expired++;
    }
}
