using Microsoft.Extensions.Hosting;

namespace Platform.Actors.Client;

/// <summary>Connects the cluster client to a gateway when the host starts, and disconnects it when the host stops.</summary>
internal sealed class ClusterClientHostedService(ClusterClientRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.ConnectAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken) => await runtime.DisposeAsync();
}
