using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;

namespace Platform.Actors.Reminders;

/// <summary>
/// Fires the durable reminders of this silo. The table is the truth: it is read at start and re-read
/// every refresh period, so reminders survive restarts and changes made elsewhere are picked up.
/// </summary>
internal sealed partial class ReminderService(
    IGrainFactory grainFactory,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderService> logger,
    IReminderTable? reminderTable = null) : IDisposable
{
    private readonly ConcurrentDictionary<(GrainId GrainId, string Name), ScheduledReminder> _scheduled = new();
    private readonly ReminderOptions _options = options.Value;
    private ITimer? _refresh;

    public int ScheduledCount => _scheduled.Count;

    /// <summary>
    /// In a cluster, whether this silo fires a grain's reminders (each grain's belong to one active silo);
    /// null fires them all. A reminder registered on another silo is picked up by its owner at its next refresh.
    /// </summary>
    internal Func<GrainId, bool>? Owns { get; set; }

    /// <summary>Re-reads the table now: membership changed, so which reminders are this silo's changed.</summary>
    internal Task RefreshNowAsync() => _refresh is null ? Task.CompletedTask : RefreshQuietlyAsync();

    private IReminderTable Table => reminderTable
        ?? throw new InvalidOperationException("Reminders need a reminder table: register persistence with AddPostgresPersistence.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (reminderTable is null) return;
        await RefreshAsync(cancellationToken);
        _refresh = time.CreateTimer(static self => _ = ((ReminderService)self!).RefreshQuietlyAsync(), this, _options.RefreshPeriod, _options.RefreshPeriod);
    }

    public void Dispose()
    {
        _refresh?.Dispose();
        _refresh = null;
        foreach (var reminder in _scheduled.Values) reminder.Dispose();
        _scheduled.Clear();
    }

    public async Task<IGrainReminder> RegisterOrUpdateAsync(GrainId grainId, string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reminderName);
        if (dueTime < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(dueTime), dueTime, "A reminder's due time cannot be negative.");
        if (period < _options.MinimumPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A reminder's period must be at least {_options.MinimumPeriod}.");
        }

        var entry = new ReminderEntry(grainId, reminderName, time.GetUtcNow() + dueTime, period);
        var etag = await Table.UpsertAsync(entry, CancellationToken.None);
        if (Owns?.Invoke(grainId) != false) Schedule(entry with { Etag = etag });
        return new GrainReminder(reminderName, etag);
    }

    public async Task UnregisterAsync(GrainId grainId, IGrainReminder reminder)
    {
        var etag = (reminder as GrainReminder)?.Etag
            ?? throw new ArgumentException("Pass a reminder returned by RegisterOrUpdateReminder or GetReminder.", nameof(reminder));
        if (!await Table.RemoveAsync(grainId, reminder.ReminderName, etag, CancellationToken.None)
            && await Table.ReadAsync(grainId, reminder.ReminderName, CancellationToken.None) is not null)
        {
            throw new InvalidOperationException(
                $"Reminder '{reminder.ReminderName}' of {grainId} was changed since this handle was taken; get it again and retry.");
        }

        if (_scheduled.TryRemove((grainId, reminder.ReminderName), out var scheduled)) scheduled.Dispose();
    }

    public async Task<IGrainReminder?> GetAsync(GrainId grainId, string reminderName) =>
        await Table.ReadAsync(grainId, reminderName, CancellationToken.None) is { } entry
            ? new GrainReminder(entry.Name, entry.Etag!)
            : null;

    public async Task<IReadOnlyList<IGrainReminder>> GetAllAsync(GrainId grainId) =>
        (await Table.ReadAsync(grainId, CancellationToken.None)).Select(e => (IGrainReminder)new GrainReminder(e.Name, e.Etag!)).ToList();

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var entries = await Table.ReadAllAsync(cancellationToken);
        var present = new HashSet<(GrainId, string)>();
        foreach (var entry in entries)
        {
            if (Owns?.Invoke(entry.GrainId) == false) continue;
            present.Add((entry.GrainId, entry.Name));
            if (!_scheduled.TryGetValue((entry.GrainId, entry.Name), out var scheduled) || scheduled.Entry.Etag != entry.Etag)
            {
                Schedule(entry);
            }
        }

        foreach (var key in _scheduled.Keys.Where(key => !present.Contains(key)))
        {
            if (_scheduled.TryRemove(key, out var gone)) gone.Dispose();
        }
    }

    private async Task RefreshQuietlyAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogRefreshFailed(exception);
        }
    }

    private void Schedule(ReminderEntry entry)
    {
        var scheduled = new ScheduledReminder(entry, time, FireAsync);
        _scheduled.AddOrUpdate((entry.GrainId, entry.Name), scheduled, (_, old) =>
        {
            old.Dispose();
            return scheduled;
        });
    }

    private async Task FireAsync(ReminderEntry entry, DateTimeOffset tickTime)
    {
        try
        {
            await grainFactory.GetGrain<IRemindable>(entry.GrainId)
                .ReceiveReminder(entry.Name, new TickStatus(entry.StartAt, entry.Period, tickTime));
        }
        catch (Exception exception)
        {
            LogTickFailed(entry.Name, entry.GrainId, exception);
        }
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning, Message = "Reminder {ReminderName} of {GrainId} failed")]
    private partial void LogTickFailed(string reminderName, GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 201, Level = LogLevel.Warning, Message = "Reading the reminder table failed; will retry")]
    private partial void LogRefreshFailed(Exception exception);
}
