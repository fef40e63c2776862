using System.Threading.Channels;
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
        var call = new WaitingCall(DeadlineIn(Timeout));
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
        var call = new WaitingCall(DeadlineIn(Timeout));
        timeouts.Track(call);

        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        var expiredEarly = call.Expired;
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(0, expiredEarly);
        Assert.Equal(1, call.Expired);
        Assert.Equal(0, timeouts.WaitingCount);
    }

    [Fact]
    public void Only_the_calls_past_their_deadline_expire_and_the_others_keep_waiting()
    {
        using var timeouts = new ResponseTimeouts(_time);
        var calls = new[] { 10, 40, 20, 50, 30 }.Select(seconds => new WaitingCall(DeadlineIn(TimeSpan.FromSeconds(seconds)))).ToArray();
        foreach (var call in calls) timeouts.Track(call);
        timeouts.Completed(calls[2]);

        _time.Advance(TimeSpan.FromSeconds(35));
        var expiredAt35 = calls.Select(call => call.Expired).ToArray();
        var waitingAt35 = timeouts.WaitingCount;
        timeouts.Completed(calls[3]);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 0, 0, 0, 1], expiredAt35);
        Assert.Equal(2, waitingAt35);
        Assert.Equal([1, 1, 0, 0, 1], calls.Select(call => call.Expired));
        Assert.Equal(0, timeouts.WaitingCount);
    }

    [Fact]
    public async Task Calls_tracked_on_many_threads_and_answered_on_others_meanwhile_all_leave()
    {
        using var timeouts = new ResponseTimeouts(_time);
        var calls = Enumerable.Range(0, 20_000).Select(_ => new WaitingCall(DeadlineIn(Timeout))).ToArray();
        var answers = Channel.CreateUnbounded<WaitingCall>();

        // Calls are answered on other threads while more are made, as answers come from a socket's reader.
        var callers = Enumerable.Range(0, 4).Select(caller => Task.Run(() =>
        {
            for (var i = caller; i < calls.Length; i += 4)
            {
                timeouts.Track(calls[i]);
                answers.Writer.TryWrite(calls[i]);
            }
        })).ToArray();
        var answerers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await foreach (var call in answers.Reader.ReadAllAsync()) timeouts.Completed(call);
        })).ToArray();
        await Task.WhenAll(callers);
        answers.Writer.Complete();
        await Task.WhenAll(answerers);
        _time.Advance(Timeout + TimeSpan.FromSeconds(1));

        Assert.Equal(0, timeouts.WaitingCount);
        Assert.All(calls, call => Assert.Equal(0, call.Expired));
    }

    private long DeadlineIn(TimeSpan timeout) => _time.GetTimestamp() + _time.TimestampTicks(timeout);

    private sealed class WaitingCall(long deadline) : IExpiringCall
    {
        private ResponseTimeouts.Links _waiting;

        public long Deadline { get; } = deadline;

        public ref ResponseTimeouts.Links Waiting => ref _waiting;

        public int Expired { get; private set; }

        public void Expire() => Expired++;
    }
}
