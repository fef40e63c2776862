using System.Net;
using Platform.Grains.Errors;

namespace Platform.Api.Payments.Stripe;

/// <summary>Stripe's failures in the contract's terms: a declined card is <c>payment_failed</c>, a refused amount <c>validation_failed</c>, Stripe down <c>unavailable</c>.</summary>
public static class StripeErrors
{
    private const string DeclineReasonKey = "stripe_decline_reason";

    public static PlatformException ToPlatform(HttpStatusCode status, StripeError? error) => (status, error?.Type) switch
    {
        (_, "card_error") or (HttpStatusCode.PaymentRequired, _) => Declined(error),
        (_, "idempotency_error") =>
            PlatformException.Conflict("This payment was started already with other details."),
        (HttpStatusCode.NotFound, _) => PlatformException.NotFound(error?.Message ?? "Stripe does not know this payment."),
        (HttpStatusCode.BadRequest, _) or (HttpStatusCode.UnprocessableEntity, _) =>
            PlatformException.Validation(Describe(error)),

        // Our key or account is wrong, Stripe limits us, or Stripe is down: nothing the client could fix.
        _ => Unavailable(),
    };

    /// <summary>Why Stripe declined a payment, as an order records it: the same whether the refusal or the webhook tells.</summary>
    public static string DeclineReason(StripeError? error) => error?.DeclineCode ?? error?.Code ?? error?.Message ?? "declined";

    /// <summary>The decline reason a refusal from Stripe carries, if it is a declined payment.</summary>
    public static string? DeclineReasonOf(PlatformException refusal) => refusal.Data[DeclineReasonKey] as string;

    public static PlatformException Unavailable() =>
        new(ErrorCodes.Unavailable, "The payment service cannot be reached right now; try again.");

    private static PlatformException Declined(StripeError? error)
    {
        var declined = new PlatformException(ErrorCodes.PaymentFailed, error?.Message ?? "The payment was declined.");
        declined.Data[DeclineReasonKey] = DeclineReason(error);
        return declined;
    }

    private static string Describe(StripeError? error) => error switch
    {
        { Message: { Length: > 0 } message, Param: { Length: > 0 } param } => $"{message} ({param})",
        { Message: { Length: > 0 } message } => message,
        _ => "The payment was refused as not valid.",
    };
}
