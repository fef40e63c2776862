using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors.Hosting;

namespace Platform.Actors.Runtime;

/// <summary>
/// The silo's activations, one per grain id: creates them on a message's arrival, collects idle ones,
/// and deactivates them all at shutdown.
/// </summary>
internal sealed partial class Catalog : IDisposable
{
    private readonly ConcurrentDictionary<GrainId, ActivationData> _activations = new();
    private readonly GrainTypeManifest _manifest;
    private readonly ILogger<Catalog> _logger;
    private readonly ITimer _collector;
    private volatile bool _stopping;
    private volatile bool _abandoned;

    public Catalog(
        GrainTypeManifest manifest,
        IServiceProvider services,
        IOptions<GrainCollectionOptions> collectionOptions,
        IOptions<MessagingOptions> messagingOptions,
        TimeProvider time,
        ILogger<Catalog> logger)
    {
        _manifest = manifest;
        Services = services;
        CollectionOptions = collectionOptions.Value;
        AllowCallChainReentrancy = messagingOptions.Value.AllowCallChainReentrancy;
        Time = time;
        _logger = logger;
        _collector = time.CreateTimer(_ => CollectIdle(), null, CollectionOptions.CollectionQuantum, CollectionOptions.CollectionQuantum);
    }

    public IServiceProvider Services { get; }

    public GrainCollectionOptions CollectionOptions { get; }

    public bool AllowCallChainReentrancy { get; }

    public TimeProvider Time { get; }

    public int Count => _activations.Count;

    /// <summary>The cluster's grain directory; null for a silo on its own, whose activations need no registration.</summary>
    public IActivationDirectory? Directory { get; set; }

    public static void Fail(Message message, Exception exception) => message.Request.RespondWithException(message, exception);

    public void Deliver(Message message)
    {
        if (_abandoned)
        {
            Fail(message, new SiloUnavailableException($"This silo has stopped serving grains; {message} was not run."));
            return;
        }

        // The hot path: an activation exists and takes the message.
        if (_activations.TryGetValue(message.Target, out var existing) && existing.TryAccept(message)) return;

        if (!_manifest.TryGetClass(message.Target.Type, out var classInfo))
        {
            Fail(message, new ArgumentException($"No grain class has the grain type '{message.Target.Type}' ({message})."));
            return;
        }

        while (true)
        {
            ActivationData? activation;
            if (_stopping)
            {
                // Finishing activations may still call each other; nothing new starts.
                if (!_activations.TryGetValue(message.Target, out activation))
                {
                    // In a cluster the grain comes back on another silo; alone, there is nowhere to go.
                    if (Directory is { } directory) directory.Forward(message, null);
                    else Fail(message, new SiloUnavailableException($"The silo is shutting down; {message} was not run."));
                    return;
                }
            }
            else
            {
                activation = _activations.GetOrAdd(
                    message.Target,
                    static (grainId, state) => new ActivationData(grainId, state.ClassInfo, state.Catalog),
                    (ClassInfo: classInfo, Catalog: this));
            }

            if (activation.TryAccept(message)) return;
            Remove(activation);
        }
    }

    /// <summary>Delivers to an activation the caller has just found; one that has ended meanwhile leaves it to <see cref="Deliver(Message)"/>.</summary>
    public void Deliver(Message message, ActivationData activation)
    {
        if (_abandoned || !activation.TryAccept(message)) Deliver(message);
    }

    public void Remove(ActivationData activation) =>
        _activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));

    public bool TryGetActivation(GrainId grainId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActivationData? activation) =>
        _activations.TryGetValue(grainId, out activation);

    /// <summary>Deactivates every activation (their <c>OnDeactivateAsync</c> runs) and refuses new ones.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _collector.Dispose();
        var reason = new DeactivationReason(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");
        var activations = _activations.Values.ToArray();
        foreach (var activation in activations) activation.Deactivate(reason);
        try
        {
            await Task.WhenAll(activations.Select(a => a.Deactivated)).WaitAsync(CollectionOptions.DeactivationTimeout, Time, cancellationToken);
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // A request that never finishes must not keep the process from stopping.
            LogShutdownIncomplete(activations.Count(a => !a.Deactivated.IsCompleted));
        }
    }

    public void Dispose() => _collector.Dispose();

    public void OnUnhandledException(Exception exception) => LogUnhandled(exception);

    public void OnActivationFailed(GrainId grainId, Exception exception) => LogActivationFailed(grainId, exception);

    public void OnDeactivationFailed(GrainId grainId, Exception exception) => LogDeactivationFailed(grainId, exception);

    public void OnOneWayFailed(Message message, Exception exception) => LogOneWayFailed(message, exception);

    public void OnUnregisterFailed(GrainId grainId, Exception exception) => LogUnregisterFailed(grainId, exception);

    /// <summary>
    /// Stops serving at once without deactivating anything: the silo crashed, or its peers declared it dead and its
    /// grains live elsewhere now. New messages fail; requests already taken finish.
    /// </summary>
    public void Abandon()
    {
        _abandoned = true;
        _stopping = true;
        _collector.Dispose();
    }

    private void CollectIdle()
    {
        var now = Time.GetTimestamp();
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            var age = activation.ClassInfo.CollectionAge ?? CollectionOptions.CollectionAge;
            if (!activation.IsIdle(now, Time.TimestampTicks(age))) continue;
            activation.Deactivate(new DeactivationReason(DeactivationReasonCode.ActivationIdle, $"Idle for {age}."));
            collected++;
        }

        if (collected > 0) LogCollected(collected);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Error, Message = "Unhandled exception in grain work")]
    private partial void LogUnhandled(Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Activation of {GrainId} failed")]
    private partial void LogActivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "OnDeactivateAsync of {GrainId} failed")]
    private partial void LogDeactivationFailed(GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "One-way call {Message} failed")]
    private partial void LogOneWayFailed(Message message, Exception exception);

    [LoggerMessage(EventId = 104, Level = LogLevel.Debug, Message = "Collected {Count} idle activations")]
    private partial void LogCollected(int count);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Removing the directory entry of {GrainId} failed; it goes when this silo is declared dead")]
    private partial void LogUnregisterFailed(GrainId grainId, Exception exception);

    [LoggerMessage(EventId = 105, Level = LogLevel.Warning, Message = "Shutdown went on with {Count} activations not deactivated in time")]
    private partial void LogShutdownIncomplete(int count);
}
