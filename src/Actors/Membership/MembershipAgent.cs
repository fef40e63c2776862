using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;

namespace Platform.Actors.Membership;

/// <summary>
/// This silo's part in membership: it joins the table, heartbeats, declares silent peers (and its own
/// earlier generations) dead with version-checked updates, keeps the view of active silos, and leaves.
/// </summary>
internal sealed partial class MembershipAgent(
    IMembershipTable table,
    IOptions<SiloOptions> silo,
    IOptions<MembershipOptions> options,
    SiloLifecycle lifecycle,
    TimeProvider time,
    ILogger<MembershipAgent> logger) : IDisposable
{
    private readonly MembershipOptions _options = options.Value;
    private ITimer? _heartbeat;
    private ITimer? _deathCheck;
    private int _probing;
    private System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, bool> _dead = new();

    public SiloAddress Address { get; } = new(silo.Value.Host, silo.Value.Port, time.GetUtcNow().UtcTicks);

    public SiloStatus Status { get; private set; } = SiloStatus.Created;

    /// <summary>The silos the last probe found active, this one included.</summary>
    public IReadOnlyList<SiloAddress> ActiveSilos { get; private set; } = [];

    /// <summary>Raised after a probe when the set of active silos changed, and when silos were declared dead.</summary>
    public event Action? ViewChanged;

    /// <summary>Raised once, when a probe finds that peers declared this silo dead: its grains are theirs now.</summary>
    public event Action? DeclaredDead;

    /// <summary>
    /// Whether the membership table says <paramref name="silo"/> is dead. A silo this silo has not heard of
    /// yet is not dead: it may have joined since the last probe.
    /// </summary>
    public bool IsDead(SiloAddress silo) => _dead.ContainsKey(silo);

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!await table.InsertAsync(new MembershipEntry(Address, SiloStatus.Joining, now, now), cancellationToken))
        {
            throw new InvalidOperationException($"Silo {Address} is in the membership table already: two silos started with one address at once.");
        }

        Status = SiloStatus.Joining;
        await SetOwnStatusAsync(SiloStatus.Active, cancellationToken);
        await ProbeAsync(cancellationToken);
        _heartbeat = time.CreateTimer(static self => _ = ((MembershipAgent)self!).HeartbeatAsync(), this, _options.HeartbeatPeriod, _options.HeartbeatPeriod);
        _deathCheck = time.CreateTimer(static self => _ = ((MembershipAgent)self!).HeartbeatAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        LogJoined(Address);
    }

    /// <summary>Tells peers this silo is shutting down: they stop placing grains here, and it keeps heartbeating while its grains move.</summary>
    public async Task BeginShutdownAsync(CancellationToken cancellationToken)
    {
        if (Status != SiloStatus.Active) return;
        await SetOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
    }

    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        _heartbeat?.Dispose();
        _deathCheck?.Dispose();
        if (Status is not (SiloStatus.Active or SiloStatus.ShuttingDown)) return;
        if (Status == SiloStatus.Active) await SetOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken);
        await SetOwnStatusAsync(SiloStatus.Dead, cancellationToken);
        LogLeft(Address);
    }

    public void Dispose()
    {
        _heartbeat?.Dispose();
        _deathCheck?.Dispose();
    }

    /// <summary>Heartbeats, then reads the table: declares dead whoever should be, and refreshes the view.</summary>
    internal async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await table.UpdateIAmAliveAsync(Address, now, cancellationToken);
        var entries = await table.ReadAllAsync(cancellationToken);
        var active = new List<SiloAddress>();
        var dead = new System.Collections.Concurrent.ConcurrentDictionary<SiloAddress, bool>();
        foreach (var entry in entries)
        {
            if (entry.Silo == Address)
            {
                if (entry.Status == SiloStatus.Dead && Status != SiloStatus.Dead)
                {
                    // Peers gave up on this silo; its grains are being taken over, so it must not serve them.
                    Status = SiloStatus.Dead;
                    lifecycle.Deactivate();
                    LogDeclaredDeadByPeers(Address);
                    DeclaredDead?.Invoke();
                }

                if (entry.Status == SiloStatus.Active) active.Add(entry.Silo);
                continue;
            }

            if (entry.Status == SiloStatus.Dead)
            {
                dead[entry.Silo] = true;
                continue;
            }

            var superseded = entry.Silo.IsSameEndpoint(Address) && entry.Silo.Generation < Address.Generation;
            if (superseded || now - entry.IAmAliveTime > _options.DeathTimeout)
            {
                if (await table.UpdateStatusAsync(entry.Silo, SiloStatus.Dead, entry.Etag!, cancellationToken))
                {
                    LogDeclaredDead(entry.Silo, superseded);
                    dead[entry.Silo] = true;
                    continue;
                }

                // The row changed since it was read: a peer declared the same death, or the silo itself changed its
                // status and so is alive. Only the row as it is now can say which.
                var current = (await table.ReadAllAsync(cancellationToken)).FirstOrDefault(e => e.Silo == entry.Silo);
                if (current is null || current.Status == SiloStatus.Dead) dead[entry.Silo] = true;
                else if (current.Status == SiloStatus.Active) active.Add(entry.Silo);
                continue;
            }

            if (entry.Status == SiloStatus.Active) active.Add(entry.Silo);
        }

        CheckAgainWhenNextSilent(entries, dead, now);
        var changed = dead.Count != _dead.Count || active.Count != ActiveSilos.Count || active.Except(ActiveSilos).Any();
        _dead = dead;
        ActiveSilos = active;
        if (changed) ViewChanged?.Invoke();
    }

    // A peer that stopped heartbeating is found dead at the first probe after its death timeout, which the regular
    // probes would reach up to a heartbeat period late: a probe due sooner than the next one is added at that moment.
    // So a silo is declared dead about the death timeout after its last heartbeat, not up to a period later.
    private void CheckAgainWhenNextSilent(IReadOnlyList<MembershipEntry> entries, IReadOnlyDictionary<SiloAddress, bool> dead, DateTimeOffset now)
    {
        var silentAt = entries
            .Where(entry => entry.Silo != Address && entry.Status != SiloStatus.Dead && !dead.ContainsKey(entry.Silo))
            .Select(entry => entry.IAmAliveTime + _options.DeathTimeout)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
        var wait = silentAt - now + TimeSpan.FromMilliseconds(1);
        if (wait < _options.HeartbeatPeriod) _deathCheck?.Change(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Timeout.InfiniteTimeSpan);
    }

    private async Task HeartbeatAsync()
    {
        // A slow database must not pile probes up behind each other.
        if (Interlocked.Exchange(ref _probing, 1) == 1) return;
        try
        {
            await ProbeAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogProbeFailed(exception);
        }
        finally
        {
            Volatile.Write(ref _probing, 0);
        }
    }

    private async Task SetOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        var own = (await table.ReadAllAsync(cancellationToken)).Single(e => e.Silo == Address);
        if (own.Status == SiloStatus.Dead)
        {
            Status = SiloStatus.Dead;
            return;
        }

        if (!await table.UpdateStatusAsync(Address, status, own.Etag!, cancellationToken))
        {
            throw new InvalidOperationException($"The membership row of {Address} changed while this silo set it to {status}.");
        }

        Status = status;
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Silo {Silo} joined the cluster")]
    private partial void LogJoined(SiloAddress silo);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "Silo {Silo} left the cluster")]
    private partial void LogLeft(SiloAddress silo);

    [LoggerMessage(EventId = 502, Level = LogLevel.Warning, Message = "Declared silo {Silo} dead (superseded by a newer generation: {Superseded})")]
    private partial void LogDeclaredDead(SiloAddress silo, bool superseded);

    [LoggerMessage(EventId = 503, Level = LogLevel.Critical, Message = "Peers declared this silo {Silo} dead")]
    private partial void LogDeclaredDeadByPeers(SiloAddress silo);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Membership probe failed; will retry")]
    private partial void LogProbeFailed(Exception exception);
}
