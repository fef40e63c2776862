using Microsoft.Extensions.Logging;

namespace Platform.Grains.Payments;

internal static partial class OrderLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Order {OrderId} is paid; a later {Status} outcome was ignored")]
    public static partial void LateOutcomeIgnored(ILogger logger, Guid orderId, OrderStatus status);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Order {OrderId} was reported paid by PaymentIntent {PaymentIntentId}, which is not its own; ignored")]
    public static partial void ForeignIntent(ILogger logger, Guid orderId, string paymentIntentId);
}
