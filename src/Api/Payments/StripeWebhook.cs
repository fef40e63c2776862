using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Api.Payments.Stripe;
using Platform.Grains.Errors;
using Platform.Grains.Payments;

namespace Platform.Api.Payments;

/// <summary>
/// Stripe's webhook deliveries: the signature is checked on the raw body, the event id is recorded so a redelivery
/// is acknowledged without being applied again, and PaymentIntent outcomes move the order named in its metadata.
/// </summary>
public sealed class StripeWebhook(
    IGrainFactory grains,
    StripeEventLog events,
    IOptions<StripeOptions> options,
    TimeProvider time,
    ILogger<StripeWebhook> logger)
{
    public const string OrderIdKey = "order_id";

    public async Task<WebhookResult> HandleAsync(byte[] body, string? signatureHeader, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var check = StripeSignature.Verify(signatureHeader, body, settings.WebhookSecrets, settings.Tolerance, time.GetUtcNow());
        if (check != SignatureCheck.Valid) return Refuse(check switch
        {
            SignatureCheck.Missing => "The Stripe-Signature header is missing.",
            SignatureCheck.Malformed => "The Stripe-Signature header has no timestamp or no v1 signature.",
            SignatureCheck.OutsideTolerance => "The signature's timestamp is outside the tolerance.",
            _ => "No signature matches the payload for any endpoint secret.",
        });

        StripeEvent? stripeEvent;
        try
        {
            stripeEvent = JsonSerializer.Deserialize<StripeEvent>(body, StripeClient.Json);
        }
        catch (JsonException)
        {
            stripeEvent = null;
        }

        if (stripeEvent is not { Id.Length: > 0, Type.Length: > 0 }) return Refuse("The payload is not a Stripe event.");

        if (await events.WasAppliedAsync(stripeEvent.Id, stripeEvent.Type, time.GetUtcNow(), cancellationToken))
        {
            logger.WebhookDuplicate(stripeEvent.Id, stripeEvent.Type);
            return WebhookResult.Ok("Applied already.");
        }

        // Applied before it is marked: a failure in between leaves it unmarked, and Stripe's retry applies it again,
        // which the order's idempotent transitions absorb.
        await ApplyAsync(stripeEvent);
        await events.MarkAppliedAsync(stripeEvent.Id, time.GetUtcNow(), cancellationToken);
        return WebhookResult.Ok("Applied.");
    }

    private async Task ApplyAsync(StripeEvent stripeEvent)
    {
        if (stripeEvent.Type is not (StripeEvent.PaymentSucceeded or StripeEvent.PaymentFailed or StripeEvent.PaymentCanceled)) return;

        var intent = stripeEvent.Data.Object.Deserialize<PaymentIntent>(StripeClient.Json);
        if (intent?.Metadata?.GetValueOrDefault(OrderIdKey) is not { } text || !Guid.TryParse(text, out var orderId))
        {
            logger.WebhookWithoutOrder(stripeEvent.Id, stripeEvent.Type);
            return;
        }

        var order = grains.GetGrain<IOrderGrain>(orderId);
        try
        {
            var result = stripeEvent.Type switch
            {
                StripeEvent.PaymentSucceeded => await order.MarkPaid(intent.Id),
                StripeEvent.PaymentFailed => await order.MarkFailed(intent.Id, StripeErrors.DeclineReason(intent.LastPaymentError)),
                _ => await order.MarkCanceled(intent.Id),
            };
            logger.WebhookApplied(stripeEvent.Id, stripeEvent.Type, orderId, result.Status.ToString());
        }
        catch (PlatformException exception) when (exception.Code == ErrorCodes.NotFound)
        {
            // Another environment sharing the Stripe account, say: nothing of ours to move, and nothing to retry.
            logger.WebhookWithoutOrder(stripeEvent.Id, stripeEvent.Type);
        }
    }


    private WebhookResult Refuse(string reason)
    {
        logger.WebhookRefused(reason);
        return WebhookResult.Refused(reason);
    }
}
