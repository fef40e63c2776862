namespace Platform.Api.Payments.Stripe;

/// <summary>Stripe's event object, as far as the webhook reads it: <c>{id, type, created, data: {object}}</c>.</summary>
public sealed record StripeEvent(string Id, string Type, long Created, StripeEventData Data)
{
    public const string PaymentSucceeded = "payment_intent.succeeded";
    public const string PaymentFailed = "payment_intent.payment_failed";
    public const string PaymentCanceled = "payment_intent.canceled";
}
