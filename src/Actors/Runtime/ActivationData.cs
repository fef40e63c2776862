using Platform.Actors.Timers;

namespace Platform.Actors.Runtime;

/// <summary>
/// One live activation of a grain: its instance, its work queue, and the rules that decide which
/// message runs when. All fields below the lock are guarded by it; grain code runs on the work queue.
/// </summary>
internal sealed class ActivationData
{
    [ThreadStatic]
    private static ActivationData? _constructing;

    private readonly Lock _lock = new();
    private readonly Catalog _catalog;
    private readonly Queue<Message> _waiting = new();
    private readonly List<GrainTimer> _timers = [];
    private readonly TaskCompletionSource _deactivated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SendOrPostCallback _runRequest;
    private List<Message>? _forward;
    private ActivationStatus _status;
    private int _running;
    private int _runningWriters;
    private int _waitingBypassers;
    private bool _deactivateWhenIdle;
    private bool _drainFirst;
    private bool _finishing;
    private bool _registered;
    private DeactivationReason _deactivationReason;
    private long _lastActive;
    private long _keepAliveUntil;

    public ActivationData(GrainId grainId, GrainClassInfo classInfo, Catalog catalog)
    {
        GrainId = grainId;
        ClassInfo = classInfo;
        _catalog = catalog;
        WorkQueue = new ActivationWorkQueue(catalog.OnUnhandledException);
        _runRequest = RunRequest;
    }

    /// <summary>The activation whose grain is being constructed on this thread, for <see cref="Grain"/>'s constructor.</summary>
    public static ActivationData? Constructing => _constructing;

    public GrainId GrainId { get; }

    public GrainClassInfo ClassInfo { get; }

    public ActivationWorkQueue WorkQueue { get; }

    public object? GrainInstance { get; private set; }

    public Catalog Catalog => _catalog;

    /// <summary>Completes once the activation has left the catalog.</summary>
    public Task Deactivated => _deactivated.Task;

    /// <summary>Takes a message, or returns false when this activation is gone and the message must go to a new one.</summary>
    public bool TryAccept(Message message)
    {
        lock (_lock)
        {
            switch (_status)
            {
                case ActivationStatus.Invalid:
                    return false;
                case ActivationStatus.Created:
                    _status = ActivationStatus.Activating;
                    EnqueueWaitingLocked(message);
                    WorkQueue.Post(static state => ((ActivationData)state!).Activate(), this);
                    return true;
                case ActivationStatus.Activating:
                    EnqueueWaitingLocked(message);
                    return true;
                case ActivationStatus.Deactivating:
                    if (message.Request is GrainTimer.TickRequest) return true;
                    // A call its own running requests wait on must run here, or deactivation would wait for it forever.
                    if (!IsWaitingOn(message)) (_forward ??= []).Add(message);
                    else if (Admit(message) == Admission.Run) StartLocked(message);
                    else FailDeadlock(message);
                    return true;
                default:
                    var admission = _waiting.Count == 0 || BypassesQueue(message) ? Admit(message) : Admission.Wait;
                    if (admission == Admission.Run) StartLocked(message);
                    else if (admission == Admission.Deadlock) FailDeadlock(message);
                    else EnqueueWaitingLocked(message);
                    return true;
            }
        }
    }

    /// <summary>
    /// Deactivates once no request runs (at once when idle). Messages that arrive meanwhile go to the next
    /// activation; at shutdown, those already accepted run first, since there may be no next activation.
    /// </summary>
    public void Deactivate(DeactivationReason reason)
    {
        lock (_lock)
        {
            switch (_status)
            {
                case ActivationStatus.Created:
                    _status = ActivationStatus.Invalid;
                    break;
                case ActivationStatus.Activating:
                case ActivationStatus.Valid when _running > 0 || (reason.Code == DeactivationReasonCode.ShuttingDown && _waiting.Count > 0):
                    _deactivateWhenIdle = true;
                    _drainFirst |= reason.Code == DeactivationReasonCode.ShuttingDown;
                    _deactivationReason = reason;
                    return;
                case ActivationStatus.Valid:
                    BeginDeactivationLocked(reason);
                    return;
                default:
                    return;
            }
        }

        _catalog.Remove(this);
        _deactivated.TrySetResult();
    }

    public bool IsIdle(long now, long collectionAgeTicks)
    {
        lock (_lock)
        {
            return _status == ActivationStatus.Valid && _running == 0 && _waiting.Count == 0 && !_deactivateWhenIdle
                && now - _lastActive >= collectionAgeTicks && now >= _keepAliveUntil;
        }
    }

    public void DelayDeactivation(TimeSpan duration)
    {
        var until = _catalog.Time.GetTimestamp() + _catalog.Time.TimestampTicks(duration);
        lock (_lock) _keepAliveUntil = Math.Max(_keepAliveUntil, until);
    }

    public void AddTimer(GrainTimer timer)
    {
        lock (_lock)
        {
            if (_status is ActivationStatus.Deactivating or ActivationStatus.Invalid)
            {
                throw new InvalidOperationException($"{GrainId} is deactivating: it cannot register timers.");
            }

            _timers.Add(timer);
        }
    }

    public void RemoveTimer(GrainTimer timer)
    {
        lock (_lock) _timers.Remove(timer);
    }

    private bool IsWaitingOn(Message message) => message.CallChain?.Contains(GrainId) == true;

    // Messages that may interleave need not queue behind ones that may not.
    private bool BypassesQueue(Message message) =>
        ClassInfo.IsReentrant || message.Request.Method.IsAlwaysInterleave || IsWaitingOn(message);

    private Admission Admit(Message message)
    {
        if (_running == 0 || ClassInfo.IsReentrant) return Admission.Run;
        var method = message.Request.Method;
        if (method.IsAlwaysInterleave || (method.IsReadOnly && _runningWriters == 0)) return Admission.Run;
        if (IsWaitingOn(message)) return _catalog.AllowCallChainReentrancy ? Admission.Run : Admission.Deadlock;
        return Admission.Wait;
    }

    private void FailDeadlock(Message message) =>
        Catalog.Fail(message, new DeadlockException(
            $"Deadlock: {message.CallChain!.Describe(GrainId)}. {GrainId} is busy waiting on this chain and cannot take {message.Request.Method}; " +
            "mark the method [AlwaysInterleave], the grain class [Reentrant], or enable call-chain reentrancy."));

    private void StartLocked(Message message)
    {
        if (_running == 0) WorkQueue.SoleRequest = message;
        _running++;
        if (!message.Request.Method.IsReadOnly) _runningWriters++;
        WorkQueue.Post(_runRequest, message);
    }

    private static bool KeepsAlive(Message message) => message.Request is not GrainTimer.TickRequest { KeepAlive: false };

    private void RunRequest(object? state)
    {
        var message = (Message)state!;
        if (_catalog.Time.GetTimestamp() > message.Deadline)
        {
            // Running it now would only add to the load. The caller is told at once rather than left to its own
            // sweep, which may come late: a caller on another silo, or on a clock that a test moves by hand.
            Catalog.Fail(message, new TimeoutException($"{message} waited past its deadline for its turn and was not run."));
            OnRequestDone(message, null);
            return;
        }

        ValueTask<Exception?> pending;
        var interleaved = WorkQueue.SoleRequest != message;
        if (interleaved) RequestScope.EnterInterleaved(message);
        try
        {
            pending = message.Request.InvokeAndRespondAsync(GrainInstance!, message);
        }
        finally
        {
            if (interleaved) RequestScope.ExitInterleaved();
        }

        if (pending.IsCompleted)
        {
            OnRequestDone(message, pending.Result);
            return;
        }

        OnRequestDoneLater(message, pending);
    }

    // Apart from RunRequest: a lambda there would allocate its closure on every request, finished or not.
    private void OnRequestDoneLater(Message message, ValueTask<Exception?> pending)
    {
        var awaiter = pending.GetAwaiter();
        awaiter.OnCompleted(() => OnRequestDone(message, awaiter.GetResult()));
    }

    private void OnRequestDone(Message message, Exception? exception)
    {
        if (exception is not null && message.ResponseSink is null) _catalog.OnOneWayFailed(message, exception);

        lock (_lock)
        {
            if (WorkQueue.SoleRequest == message) WorkQueue.SoleRequest = null;
            _running--;
            if (!message.Request.Method.IsReadOnly) _runningWriters--;
            // Idle age counts from the end of the last request: an activation with requests running is never idle.
            if (KeepsAlive(message)) _lastActive = _catalog.Time.GetTimestamp();
            if (exception is InconsistentStateException)
            {
                // Orleans' rule: the activation's view of its state is stale, so the next call starts from storage.
                _deactivateWhenIdle = true;
                _deactivationReason = new DeactivationReason(DeactivationReasonCode.InconsistentState, exception.Message);
            }

            if (_status == ActivationStatus.Deactivating)
            {
                if (_running == 0) PostFinishDeactivationLocked();
                return;
            }

            if (ReadyToDeactivateLocked())
            {
                BeginDeactivationLocked(_deactivationReason);
                return;
            }

            AdmitWaitingLocked();
        }
    }

    private bool ReadyToDeactivateLocked() => _deactivateWhenIdle && _running == 0 && (!_drainFirst || _waiting.Count == 0);

    private void EnqueueWaitingLocked(Message message)
    {
        _waiting.Enqueue(message);
        if (BypassesQueue(message)) _waitingBypassers++;
    }

    private void AdmitWaitingLocked()
    {
        while (_waiting.TryPeek(out var next))
        {
            var admission = Admit(next);
            if (admission == Admission.Wait) break;
            _waiting.Dequeue();
            if (BypassesQueue(next)) _waitingBypassers--;
            if (admission == Admission.Run) StartLocked(next);
            else FailDeadlock(next);
        }

        if (_waitingBypassers > 0) AdmitBypassersLocked();
    }

    // The head must wait, but messages that may interleave behind it need not: take them, keeping the others' order.
    private void AdmitBypassersLocked()
    {
        for (var remaining = _waiting.Count; remaining > 0; remaining--)
        {
            var next = _waiting.Dequeue();
            var admission = BypassesQueue(next) ? Admit(next) : Admission.Wait;
            if (admission == Admission.Wait)
            {
                _waiting.Enqueue(next);
                continue;
            }

            _waitingBypassers--;
            if (admission == Admission.Run) StartLocked(next);
            else FailDeadlock(next);
        }
    }

    private void Activate() => _ = ActivateAsync();

    private async Task ActivateAsync()
    {
        try
        {
            if (_catalog.Directory is { } directory)
            {
                // Single activation in the cluster: only the silo the directory names may run the grain.
                if (await directory.RegisterAsync(GrainId) is { } owner)
                {
                    ForwardWaiting(directory, owner);
                    return;
                }

                _registered = true;
            }

            var stateReads = new List<Func<CancellationToken, Task>>();
            _constructing = this;
            try
            {
                GrainInstance = ClassInfo.Construct(_catalog.Services, GrainId, stateReads);
            }
            finally
            {
                _constructing = null;
            }

            using var timeout = new CancellationTokenSource(_catalog.CollectionOptions.ActivationTimeout, _catalog.Time);
            foreach (var read in stateReads) await read(timeout.Token);
            if (GrainInstance is Grain grain) await grain.OnActivateAsync(timeout.Token);
        }
        catch (Exception exception)
        {
            FailActivation(exception);
            return;
        }

        lock (_lock)
        {
            _status = ActivationStatus.Valid;
            _lastActive = _catalog.Time.GetTimestamp();
            if (ReadyToDeactivateLocked()) BeginDeactivationLocked(_deactivationReason);
            else AdmitWaitingLocked();
        }
    }

    private void FailActivation(Exception exception)
    {
        var waiting = Abandon();
        _catalog.OnActivationFailed(GrainId, exception);
        foreach (var message in waiting) Catalog.Fail(message, exception);
    }

    // Another silo holds the grain: what waited here goes there, and this activation never runs.
    private void ForwardWaiting(IActivationDirectory directory, Membership.SiloAddress owner)
    {
        foreach (var message in Abandon()) directory.Forward(message, owner);
    }

    /// <summary>Ends an activation that never became valid, returning the messages that waited for it.</summary>
    private Message[] Abandon()
    {
        Message[] waiting;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            waiting = [.. _waiting];
            _waiting.Clear();
            _waitingBypassers = 0;
        }

        _catalog.Remove(this);
        _deactivated.TrySetResult();
        return waiting;
    }

    private void BeginDeactivationLocked(DeactivationReason reason)
    {
        _status = ActivationStatus.Deactivating;
        _deactivationReason = reason;
        if (_waiting.Count > 0)
        {
            (_forward ??= []).AddRange(_waiting);
            _waiting.Clear();
            _waitingBypassers = 0;
        }

        if (_running == 0) PostFinishDeactivationLocked();
    }

    private void PostFinishDeactivationLocked()
    {
        if (_finishing) return;
        _finishing = true;
        WorkQueue.Post(static state => _ = ((ActivationData)state!).FinishDeactivationAsync(), this);
    }

    private async Task FinishDeactivationAsync()
    {
        GrainTimer[] timers;
        lock (_lock) timers = [.. _timers];
        foreach (var timer in timers) timer.Dispose();

        if (GrainInstance is Grain grain)
        {
            try
            {
                using var timeout = new CancellationTokenSource(_catalog.CollectionOptions.DeactivationTimeout, _catalog.Time);
                await grain.OnDeactivateAsync(_deactivationReason, timeout.Token);
            }
            catch (Exception exception)
            {
                _catalog.OnDeactivationFailed(GrainId, exception);
            }
        }

        if (_registered && _catalog.Directory is { } directory)
        {
            // Before leaving the catalog, so a next activation here cannot be unregistered by this one.
            try
            {
                await directory.UnregisterAsync(GrainId);
            }
            catch (Exception exception)
            {
                _catalog.OnUnregisterFailed(GrainId, exception);
            }
        }

        List<Message>? forward;
        lock (_lock)
        {
            _status = ActivationStatus.Invalid;
            forward = _forward;
            _forward = null;
        }

        _catalog.Remove(this);
        _deactivated.TrySetResult();
        foreach (var message in forward ?? []) _catalog.Deliver(message);
    }

    private enum Admission
    {
        Run,
        Wait,
        Deadlock,
    }
}
