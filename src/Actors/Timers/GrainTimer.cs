using System.Text.Json;
using Platform.Actors.Invocation;
using Platform.Actors.Runtime;

namespace Platform.Actors.Timers;

/// <summary>A grain timer: each tick is a message to its own activation, so it obeys the activation's scheduling.</summary>
internal sealed class GrainTimer : IGrainTimer
{
    private readonly ActivationData _activation;
    private readonly Func<object?, CancellationToken, Task> _callback;
    private readonly object? _state;
    private readonly bool _interleave;
    private readonly bool _keepAlive;
    private readonly CancellationTokenSource _disposed = new();
    private readonly ITimer _timer;
    private TimeSpan _period;

    public GrainTimer(ActivationData activation, Func<object?, CancellationToken, Task> callback, object? state, GrainTimerCreationOptions options)
    {
        _activation = activation;
        _callback = callback;
        _state = state;
        _interleave = options.Interleave;
        _keepAlive = options.KeepAlive;
        _period = options.Period;
        activation.AddTimer(this);
        _timer = activation.Catalog.Time.CreateTimer(static self => ((GrainTimer)self!).Fire(), this, options.DueTime, Timeout.InfiniteTimeSpan);
    }

    public void Change(TimeSpan dueTime, TimeSpan period)
    {
        _period = period;
        if (!_disposed.IsCancellationRequested) _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested) return;
        _disposed.Cancel();
        _timer.Dispose();
        _activation.RemoveTimer(this);
    }

    private void Fire()
    {
        if (_disposed.IsCancellationRequested) return;
        var tick = new Message(_activation.GrainId, new TickRequest(this), responseSink: null, callChain: null, deadline: long.MaxValue);
        if (!_activation.TryAccept(tick)) Dispose();
    }

    private async ValueTask<object?> TickAsync()
    {
        try
        {
            if (!_disposed.IsCancellationRequested) await _callback(_state, _disposed.Token);
        }
        finally
        {
            if (!_disposed.IsCancellationRequested && _period != Timeout.InfiniteTimeSpan)
            {
                _timer.Change(_period, Timeout.InfiniteTimeSpan);
            }
        }

        return null;
    }

    /// <summary>One tick, scheduled on the activation like any request.</summary>
    internal sealed class TickRequest(GrainTimer timer) : GrainRequest<object?>
    {
        private static readonly MethodDescriptor Turn = Describe(MethodFlags.OneWay);
        private static readonly MethodDescriptor Interleaved = Describe(MethodFlags.OneWay | MethodFlags.AlwaysInterleave);

        public bool KeepAlive => timer._keepAlive;

        public override MethodDescriptor Method => timer._interleave ? Interleaved : Turn;

        public override int ArgumentCount => 0;

        public override object? GetArgument(int index) => throw new ArgumentOutOfRangeException(nameof(index));

        public override void SetArgument(int index, object? value) => throw new ArgumentOutOfRangeException(nameof(index));

        public override void WriteArguments(Utf8JsonWriter writer, JsonSerializerOptions options)
        {
        }

        public override void ReadArguments(ref Utf8JsonReader reader, JsonSerializerOptions options)
        {
        }

        public override void CopyArguments()
        {
        }

        public override ValueTask<object?> InvokeAsync(object target) => timer.TickAsync();

        private static MethodDescriptor Describe(MethodFlags flags) =>
            new(typeof(IGrainTimer), "Tick", flags, [], typeof(object), () => throw new NotSupportedException("Timer ticks never cross a process."));
    }
}
