using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Payments.Stripe;

/// <summary>
/// How the API reaches Stripe and checks its webhooks. Section <c>Platform:Stripe</c>. An empty base address
/// turns payments off (their endpoints answer <c>unavailable</c>); the silo fills it with its embedded fake.
/// </summary>
public sealed class StripeOptions : IValidatableObject
{
    public const string SectionName = "Platform:Stripe";

    /// <summary>Stripe's API, <c>https://api.stripe.com/</c> in production.</summary>
    public string BaseAddress { get; set; } = "";

    /// <summary>The secret API key (<c>sk_live_...</c> / <c>sk_test_...</c>), sent as a bearer token.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>The webhook endpoint's signing secrets (<c>whsec_...</c>); more than one while a secret is rotated.</summary>
    public string[] WebhookSecrets { get; set; } = [];

    /// <summary>How far a webhook's signed timestamp may be from now (Stripe's libraries: 300 s); older deliveries are replays.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sent as <c>Stripe-Version</c>, so the shapes this client reads do not change under it.</summary>
    [Required]
    public string ApiVersion { get; set; } = "2024-06-20";

    /// <summary>How long one attempt of a request may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a network fault, a timeout or a 5xx; every create carries an idempotency key, so they are safe.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones back off exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool IsConfigured => BaseAddress.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsConfigured) yield break;
        if (!Uri.TryCreate(BaseAddress, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"{SectionName}:BaseAddress must be an absolute http(s) address.", [nameof(BaseAddress)]);
        }

        if (string.IsNullOrWhiteSpace(SecretKey))
        {
            yield return new ValidationResult($"{SectionName}:SecretKey is required when a base address is set.", [nameof(SecretKey)]);
        }

        if (WebhookSecrets.Length == 0 || WebhookSecrets.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult($"{SectionName}:WebhookSecrets needs at least one secret, and no empty ones.", [nameof(WebhookSecrets)]);
        }
    }
}
