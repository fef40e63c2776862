using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Payments;

/// <summary>What a tip may be. Section <c>Platform:Payments</c>.</summary>
public sealed class TipOptions : IValidatableObject
{
    public const string SectionName = "Platform:Payments";

    /// <summary>ISO currency codes accepted, lower-case as Stripe writes them.</summary>
    public string[] Currencies { get; set; } = ["eur", "usd", "gbp"];

    /// <summary>The smallest tip, in the currency's minor unit; Stripe itself refuses less than about 50 cents.</summary>
    [Range(1, long.MaxValue)]
    public long MinimumAmountCents { get; set; } = 100;

    [Range(1, long.MaxValue)]
    public long MaximumAmountCents { get; set; } = 50_000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaximumAmountCents < MinimumAmountCents)
        {
            yield return new ValidationResult($"{SectionName}:MaximumAmountCents must not be below MinimumAmountCents.", [nameof(MaximumAmountCents)]);
        }

        if (Currencies.Length == 0 || Currencies.Any(currency => currency.Length != 3))
        {
            yield return new ValidationResult($"{SectionName}:Currencies needs at least one three-letter code.", [nameof(Currencies)]);
        }
    }
}
