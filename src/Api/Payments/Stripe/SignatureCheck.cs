namespace Platform.Api.Payments.Stripe;

/// <summary>What checking a <c>Stripe-Signature</c> header found.</summary>
public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    OutsideTolerance,
    NoMatch,
}
