using System.Net;
using Microsoft.Extensions.Logging;

namespace Platform.Api.Payments;

internal static partial class PaymentsLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Stripe {Method} {Path}: attempt {Attempt} failed ({Outcome}); retrying in {Delay}")]
    public static partial void StripeRetry(this ILogger logger, string method, string path, int attempt, string outcome, TimeSpan delay);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Stripe {Method} {Path} failed with {Status}: {Type}/{Code}")]
    public static partial void StripeRefused(this ILogger logger, string method, string path, HttpStatusCode status, string? type, string? code);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Stripe {Method} {Path} could not be reached")]
    public static partial void StripeUnreachable(this ILogger logger, string method, string path, Exception exception);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "A Stripe webhook was refused: {Reason}")]
    public static partial void WebhookRefused(this ILogger logger, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) was delivered again; acknowledged without applying it")]
    public static partial void WebhookDuplicate(this ILogger logger, string eventId, string type);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "Stripe event {EventId} ({Type}) names no order of ours; acknowledged and ignored")]
    public static partial void WebhookWithoutOrder(this ILogger logger, string eventId, string type);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) applied to order {OrderId}: {Status}")]
    public static partial void WebhookApplied(this ILogger logger, string eventId, string type, Guid orderId, string status);

}
