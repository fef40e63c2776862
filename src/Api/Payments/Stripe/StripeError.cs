using System.Text.Json.Serialization;

namespace Platform.Api.Payments.Stripe;

/// <summary>Stripe's error object: <c>type</c> is <c>api_error</c>, <c>card_error</c>, <c>idempotency_error</c> or <c>invalid_request_error</c>.</summary>
public sealed record StripeError(
    string? Type,
    string? Code,
    string? Message,
    [property: JsonPropertyName("decline_code")] string? DeclineCode,
    string? Param);
