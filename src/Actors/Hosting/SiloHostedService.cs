using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Actors.Cluster;
using Platform.Actors.Directory;
using Platform.Actors.Membership;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Reminders;
using Platform.Actors.Runtime;

namespace Platform.Actors.Hosting;

/// <summary>
/// Starts the silo's services with the host, and at shutdown hands its grains off: it tells peers it is
/// shutting down, deactivates every grain (their state written, their directory entries removed), and
/// leaves the cluster before the process ends.
/// </summary>
internal sealed partial class SiloHostedService(
    Catalog catalog,
    ReminderService reminders,
    SiloRuntime runtime,
    SiloLifecycle lifecycle,
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    Microsoft.Extensions.Options.IOptions<MembershipOptions> membershipOptions,
    ILogger<SiloHostedService> logger,
    DatabaseMigrator? migrator = null,
    MembershipAgent? membership = null,
    IGrainDirectory? directory = null) : IHostedService
{
    private ClusterRouter? _router;
    private volatile bool _declaredDead;

    /// <summary>The silo's router once it runs in a cluster (it has a membership table and a grain directory).</summary>
    public ClusterRouter? Router => _router;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (migrator is not null) await migrator.MigrateAsync(cancellationToken);
        if (membership is not null && directory is not null)
        {
            _router = ActivatorUtilities.CreateInstance<ClusterRouter>(services);
            _router.Start();
        }

        if (membership is not null)
        {
            membership.DeclaredDead += OnDeclaredDead;
            await membership.JoinAsync(cancellationToken);
        }

        await reminders.StartAsync(cancellationToken);
        lifecycle.Activate();
        LogStarted();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_declaredDead)
        {
            // Its grains live on other silos now: deactivating them here would run their code twice.
            runtime.StopTimeouts();
            LogStoppedAfterDeath();
            return;
        }

        lifecycle.Deactivate();
        var shutdownBegan = DateTime.UtcNow;
        if (membership is not null) await QuietlyAsync(membership.BeginShutdownAsync);
        reminders.Dispose();
        await catalog.DeactivateAllAsync(cancellationToken);
        if (_router is not null)
        {
            // Peers stop sending here once a probe shows this silo is not active: until then what they send is
            // forwarded, and the connections stay up until the answers to forwarded calls are back. Only then
            // does the silo write that it is dead, since peers cut their connections to dead silos.
            var heartbeat = membershipOptions.Value.HeartbeatPeriod;
            var peersNotified = shutdownBegan + heartbeat - DateTime.UtcNow;
            if (peersNotified > TimeSpan.Zero && membership!.ActiveSilos.Any(silo => silo != membership.Address))
            {
                await Task.Delay(peersNotified, CancellationToken.None);
            }

            await _router.MessageCenter.DrainAsync(quiet: heartbeat, timeout: TimeSpan.FromSeconds(5));
            await _router.DisposeAsync();
        }

        if (membership is not null) await QuietlyAsync(membership.LeaveAsync);
        runtime.StopTimeouts();
        LogStopped();
    }

    /// <summary>Stops at once, as a crash would: no deactivation, no goodbye, connections reset (for tests).</summary>
    public void Kill()
    {
        lifecycle.Deactivate();
        membership?.Dispose();
        reminders.Dispose();
        catalog.Abandon();
        _router?.Abort();
        runtime.StopTimeouts();
    }

    // Orleans' rule: a silo that its peers declared dead stops at once, as if it had crashed (they have taken its
    // grains over, so running them here would make a second activation), and its process ends, so that whatever
    // supervises it starts a new generation.
    private void OnDeclaredDead()
    {
        _declaredDead = true;
        membership?.Dispose();
        reminders.Dispose();
        catalog.Abandon();
        _router?.Abort();
        lifetime.StopApplication();
    }

    // Saying goodbye spares peers the death timeout, so it is tried even after the host stopped waiting.
    private async Task QuietlyAsync(Func<CancellationToken, Task> step)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await step(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogLeaveFailed(exception);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not tell peers this silo is leaving; they will declare it dead")]
    private partial void LogLeaveFailed(Exception exception);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Silo started")]
    private partial void LogStarted();

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Silo stopped; its grains were deactivated")]
    private partial void LogStopped();

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Silo stopped after its peers declared it dead; its grains were left to them")]
    private partial void LogStoppedAfterDeath();
}
