using Microsoft.Extensions.DependencyInjection;
using Platform.Actors.Reminders;
using Platform.Actors.Runtime;
using Platform.Actors.Timers;

namespace Platform.Actors;

/// <summary>
/// The base class of grains. The runtime constructs grains (with constructor injection, including
/// <see cref="PersistentStateAttribute"/> states); user code gets references from <see cref="IGrainFactory"/>.
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly ActivationData _activation;

    protected Grain()
    {
        _activation = ActivationData.Constructing ?? throw new InvalidOperationException(
            $"{GetType().Name} is a grain: the runtime creates it. Get a reference with IGrainFactory.GetGrain instead.");
    }

    public GrainId GrainId => _activation.GrainId;

    protected IGrainFactory GrainFactory => _activation.Catalog.Services.GetRequiredService<IGrainFactory>();

    protected IServiceProvider ServiceProvider => _activation.Catalog.Services;

    /// <summary>Runs once the grain's persistent state has been read, before its first request.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs when the activation ends (idle, asked for, shutdown), after its last request finished.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current request finishes; the next call makes a new one.</summary>
    protected void DeactivateOnIdle() =>
        _activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "DeactivateOnIdle was called."));

    /// <summary>Keeps this activation from idle collection for at least <paramref name="timeSpan"/>.</summary>
    protected void DelayDeactivation(TimeSpan timeSpan) => _activation.DelayDeactivation(timeSpan);

    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new GrainTimer(_activation, (boxed, token) => callback((TState)boxed!, token), state, options);
    }

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, GrainTimerCreationOptions options)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return new GrainTimer(_activation, (_, token) => callback(token), null, options);
    }

    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period) =>
        RegisterGrainTimer(callback, new GrainTimerCreationOptions(dueTime, period));

    /// <summary>Registers a durable reminder: it calls <see cref="IRemindable.ReceiveReminder"/> until unregistered, across restarts.</summary>
    protected Task<IGrainReminder> RegisterOrUpdateReminder(string reminderName, TimeSpan dueTime, TimeSpan period)
    {
        if (this is not IRemindable)
        {
            throw new InvalidOperationException($"{GetType().Name} must implement IRemindable to register reminders.");
        }

        return Reminders.RegisterOrUpdateAsync(GrainId, reminderName, dueTime, period);
    }

    protected Task UnregisterReminder(IGrainReminder reminder) => Reminders.UnregisterAsync(GrainId, reminder);

    protected Task<IGrainReminder?> GetReminder(string reminderName) => Reminders.GetAsync(GrainId, reminderName);

    protected Task<IReadOnlyList<IGrainReminder>> GetReminders() => Reminders.GetAllAsync(GrainId);

    private ReminderService Reminders => _activation.Catalog.Services.GetRequiredService<ReminderService>();
}
