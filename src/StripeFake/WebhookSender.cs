using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.StripeFake;

/// <summary>
/// Delivers events as Stripe does: a JSON POST signed <c>t=...,v1=...</c> (one v1 per secret), signed afresh for
/// every attempt, and tried again with a growing delay until the receiver answers 2xx or the attempts run out.
/// </summary>
internal sealed class WebhookSender(HttpClient http, StripeFakeOptions options)
{
    private readonly List<WebhookDelivery> _deliveries = [];

    public Uri? Url { get; set; } = options.WebhookUrl;

    public IReadOnlyList<string> Secrets { get; set; } = options.WebhookSecrets;

    public IReadOnlyList<WebhookDelivery> Deliveries
    {
        get
        {
            lock (_deliveries) return [.. _deliveries];
        }
    }

    /// <summary>Delivers the event; true once the receiver acknowledged it.</summary>
    public async Task<bool> DeliverAsync(FakeEvent stripeEvent, CancellationToken cancellationToken = default)
    {
        if (Url is null) return false;
        var delay = options.WebhookRetryDelay;
        for (var attempt = 1; attempt <= options.WebhookAttempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, cancellationToken);
                delay *= 2;
            }

            var status = await SendAsync(stripeEvent, cancellationToken);
            lock (_deliveries) _deliveries.Add(new WebhookDelivery(stripeEvent.Id, attempt, status));
            if (status is >= 200 and < 300) return true;
        }

        return false;
    }

    public static string Sign(string payload, long timestamp, IEnumerable<string> secrets)
    {
        var signed = Encoding.UTF8.GetBytes($"{timestamp.ToString(CultureInfo.InvariantCulture)}.{payload}");
        var signatures = secrets.Select(secret => "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},{string.Join(',', signatures)}";
    }

    private async Task<int> SendAsync(FakeEvent stripeEvent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(stripeEvent.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("Stripe-Signature", Sign(stripeEvent.Payload, options.Time.GetUtcNow().ToUnixTimeSeconds(), Secrets));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
