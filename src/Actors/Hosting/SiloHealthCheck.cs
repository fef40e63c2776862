using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Platform.Actors.Hosting;

/// <summary>Ready when the silo has started and is not stopping, and its database (when it has one) answers.</summary>
public sealed class SiloHealthCheck(SiloLifecycle lifecycle, NpgsqlDataSource? dataSource = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!lifecycle.IsActive) return HealthCheckResult.Unhealthy("The silo is not active.");
        if (dataSource is null) return HealthCheckResult.Healthy();
        try
        {
            await using var command = dataSource.CreateCommand("select 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer.", exception);
        }
    }
}
