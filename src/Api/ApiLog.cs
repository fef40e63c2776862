using Microsoft.Extensions.Logging;

namespace Platform.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Error, Message = "A request failed")]
    public static partial void RequestFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "No signing key configured: created a development key in {Path}. Configure Platform:Auth:SigningKey in production.")]
    public static partial void DevelopmentKeyCreated(this ILogger logger, string path);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Error, Message = "A hub call to {Method} failed")]
    public static partial void HubCallFailed(this ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "Could not subscribe to the events of {Stream}")]
    public static partial void SubscribeFailed(this ILogger logger, string stream, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Could not relay {Event} of {Stream} to its clients")]
    public static partial void RelayFailed(this ILogger logger, string @event, string stream, Exception exception);
}
