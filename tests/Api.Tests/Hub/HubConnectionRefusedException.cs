using System.Net;

namespace Platform.Api.Tests.Hub;

/// <summary>The hub refused the connection: at the WebSocket upgrade (with its HTTP status) or at the handshake.</summary>
public sealed class HubConnectionRefusedException(HttpStatusCode statusCode, Exception innerException)
    : Exception($"The hub refused the connection ({(int)statusCode}): {innerException.Message}", innerException)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
}
