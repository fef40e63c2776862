namespace Platform.Api.Payments.Stripe;

/// <summary>The body of every failed Stripe request: <c>{"error": {...}}</c>.</summary>
public sealed record StripeErrorResponse(StripeError? Error);
