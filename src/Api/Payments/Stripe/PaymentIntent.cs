using System.Text.Json.Serialization;

namespace Platform.Api.Payments.Stripe;

/// <summary>The fields of Stripe's PaymentIntent object that Platform reads.</summary>
public sealed record PaymentIntent(
    string Id,
    long Amount,
    string Currency,
    string Status,
    [property: JsonPropertyName("client_secret")] string? ClientSecret,
    Dictionary<string, string>? Metadata,
    [property: JsonPropertyName("last_payment_error")] StripeError? LastPaymentError)
{
    public const string Succeeded = "succeeded";
    public const string Canceled = "canceled";
}
