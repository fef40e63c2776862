using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Actors.Membership;
using Platform.Actors.Persistence.Migrations;
using Platform.Actors.Reminders;
using Platform.Actors.Runtime;

namespace Platform.Actors.Hosting;

/// <summary>Starts the silo's services with the host, and at shutdown deactivates every grain before the process ends.</summary>
internal sealed partial class SiloHostedService(
    Catalog catalog,
    ReminderService reminders,
    SiloRuntime runtime,
    SiloLifecycle lifecycle,
    ILogger<SiloHostedService> logger,
    DatabaseMigrator? migrator = null,
    MembershipAgent? membership = null) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (migrator is not null) await migrator.MigrateAsync(cancellationToken);
        if (membership is not null) await membership.JoinAsync(cancellationToken);
        await reminders.StartAsync(cancellationToken);
        lifecycle.Activate();
        LogStarted();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lifecycle.Deactivate();
        reminders.Dispose();
        await catalog.DeactivateAllAsync(cancellationToken);
        if (membership is not null) await LeaveAsync(membership);
        runtime.StopTimeouts();
        LogStopped();
    }

    // Saying goodbye spares peers the death timeout, so it is tried even after the host stopped waiting.
    private async Task LeaveAsync(MembershipAgent membership)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await membership.LeaveAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogLeaveFailed(exception);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Could not leave the cluster; peers will declare this silo dead")]
    private partial void LogLeaveFailed(Exception exception);

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Silo started")]
    private partial void LogStarted();

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Silo stopped; its grains were deactivated")]
    private partial void LogStopped();
}
