namespace Platform.Api.Apis.Payments;

/// <summary>
/// The contract's tip. <c>paymentMethod</c> is optional and not in the contract's list: a test payment method
/// (<c>pm_card_visa</c>, <c>pm_card_chargeDeclined</c>) confirms the intent at once, as Stripe's test mode allows.
/// </summary>
public sealed record TipRequest(Guid? CafeId, long? AmountCents, string? Currency, string? PaymentMethod);
