using Microsoft.Extensions.Configuration;
using Platform.StripeFake;

namespace Platform.Silo.Extensions;

/// <summary>
/// The embedded default for payments: with no Stripe base address configured, the silo starts the Stripe fake on a
/// local port and points the API at it, webhooks included, since these machines cannot reach Stripe. Intents are
/// paid by hand with <c>POST {fake}/_fake/payment_intents/{id}/pay</c>.
/// </summary>
internal static class EmbeddedStripe
{
    private const string Section = "Platform:Stripe";

    /// <summary>Starts the fake when Stripe is not configured; null when it is. The caller disposes it at shutdown.</summary>
    public static async Task<StripeFakeServer?> PrepareStripeAsync(this IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{Section}:BaseAddress"])) return null;

        var fake = await StripeFakeServer.StartAsync(new StripeFakeOptions { WebhookUrl = new Uri(OwnAddress(configuration), "api/payments/stripe/webhook") });
        configuration[$"{Section}:BaseAddress"] = fake.BaseAddress.ToString();
        configuration[$"{Section}:SecretKey"] = fake.SecretKey;
        configuration[$"{Section}:WebhookSecrets:0"] = fake.WebhookSecrets[0];
        Console.WriteLine($"Stripe is not configured: using the local Stripe fake at {fake.BaseAddress} (pay an intent with POST {fake.BaseAddress}_fake/payment_intents/{{id}}/pay).");
        return fake;
    }

    /// <summary>The first address the API listens on, as a client on this machine reaches it.</summary>
    private static Uri OwnAddress(IConfiguration configuration)
    {
        var url = (configuration["Urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        url = url.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal);
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }
}
