using Platform.Api.Errors;
using Platform.Api.Payments;

namespace Platform.Api.Apis.Payments;

/// <summary>Checks a tip against <see cref="TipOptions"/> before Stripe hears of it.</summary>
public static class TipRules
{
    public static FieldErrors Check(TipRequest request, TipOptions options, out Guid cafeId, out long amountCents, out string currency)
    {
        var errors = new FieldErrors();
        cafeId = errors.Required("cafeId", request.CafeId);
        amountCents = errors.Required("amountCents", request.AmountCents);
        currency = request.Currency?.Trim().ToLowerInvariant() ?? "";
        if (request.AmountCents is not null && (amountCents < options.MinimumAmountCents || amountCents > options.MaximumAmountCents))
        {
            errors.Add("amountCents", $"Must be between {options.MinimumAmountCents} and {options.MaximumAmountCents}.");
        }

        if (request.Currency is null) errors.Add("currency", "This field is required.");
        else if (!options.Currencies.Contains(currency, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("currency", $"Must be one of {string.Join(", ", options.Currencies)}.");
        }

        if (request.PaymentMethod is { } method && (method.Length is 0 or > 100 || !method.StartsWith("pm_", StringComparison.Ordinal)))
        {
            errors.Add("paymentMethod", "Must be a payment method id (pm_...).");
        }

        return errors;
    }
}
