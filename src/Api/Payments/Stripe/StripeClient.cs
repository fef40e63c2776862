using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Grains.Errors;
using Polly;
using Polly.Timeout;

namespace Platform.Api.Payments.Stripe;

/// <summary>
/// The PaymentIntents API over plain HttpClient (Stripe.net cannot be restored here): form-encoded requests, the
/// secret key as bearer token, <c>Stripe-Version</c> pinned, an idempotency key on every create, and Stripe's error
/// objects turned into <see cref="PlatformException"/>s.
/// </summary>
public sealed class StripeClient(HttpClient http, StripeResilience resilience, IOptions<StripeOptions> options, ILogger<StripeClient> logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>
    /// Creates a PaymentIntent. Stripe answers a repeated <paramref name="idempotencyKey"/> with the first answer, so
    /// a retry (ours, or a caller's after a lost response) never creates a second intent.
    /// </summary>
    public Task<PaymentIntent> CreatePaymentIntentAsync(PaymentIntentCreate create, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var form = new StripeForm().Add("amount", create.Amount).Add("currency", create.Currency).Add("metadata", create.Metadata);
        if (create.PaymentMethod is { } paymentMethod) form.Add("payment_method", paymentMethod).Add("confirm", true);
        else form.Add("automatic_payment_methods[enabled]", true);
        return SendAsync(HttpMethod.Post, "v1/payment_intents", form, idempotencyKey, cancellationToken);
    }

    public Task<PaymentIntent> GetPaymentIntentAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"v1/payment_intents/{Uri.EscapeDataString(id)}", null, null, cancellationToken);

    public Task<PaymentIntent> CancelPaymentIntentAsync(string id, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"v1/payment_intents/{Uri.EscapeDataString(id)}/cancel", new StripeForm(), $"cancel-{id}", cancellationToken);

    private async Task<PaymentIntent> SendAsync(HttpMethod method, string path, StripeForm? form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured) throw StripeErrors.Unavailable();

        HttpResponseMessage response;
        try
        {
            response = await resilience.Pipeline.ExecuteAsync(
                async token =>
                {
                    // A request message is sent once; each attempt builds its own, with the same idempotency key.
                    using var request = new HttpRequestMessage(method, new Uri(new Uri(settings.BaseAddress), path)) { Content = form?.ToContent() };
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.SecretKey);
                    request.Headers.Add("Stripe-Version", settings.ApiVersion);
                    if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
                    return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token);
                },
                cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            logger.StripeUnreachable(method.Method, path, exception);
            throw StripeErrors.Unavailable();
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return await response.Content.ReadFromJsonAsync<PaymentIntent>(Json, cancellationToken)
                    ?? throw StripeErrors.Unavailable();
            }

            var error = await ReadErrorAsync(response, cancellationToken);
            logger.StripeRefused(method.Method, path, response.StatusCode, error?.Type, error?.Code);
            throw StripeErrors.ToPlatform(response.StatusCode, error);
        }
    }

    private static async Task<StripeError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return (await response.Content.ReadFromJsonAsync<StripeErrorResponse>(Json, cancellationToken))?.Error;
        }
        catch (JsonException)
        {
            return null; // a proxy's HTML error page, say: the status alone decides
        }
    }
}
