namespace Platform.Api.Payments.Stripe;

/// <summary>
/// A PaymentIntent to create. Without a payment method the client confirms it with the client secret; with one
/// (<c>pm_card_visa</c>, or <c>pm_card_chargeDeclined</c> in test mode) it is confirmed at once.
/// </summary>
public sealed record PaymentIntentCreate(long Amount, string Currency, IReadOnlyDictionary<string, string> Metadata, string? PaymentMethod = null);
