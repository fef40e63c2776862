using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.Api.Payments.Stripe;

/// <summary>
/// Timeouts and retries for Stripe calls: a retry after a network fault, a timed-out attempt or a 5xx, never
/// after a 4xx (Stripe answered, and the same request would get the same answer). Retrying a create is safe
/// only because every create carries an idempotency key.
/// </summary>
public sealed class StripeResilience
{
    public StripeResilience(IOptions<StripeOptions> options)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (settings.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(ShouldRetry),
                MaxRetryAttempts = settings.MaxRetries,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = arguments =>
                {
                    // The failed response is thrown away; the next attempt sends a fresh request.
                    arguments.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        Pipeline = builder.AddTimeout(settings.AttemptTimeout).Build();
    }

    public ResiliencePipeline<HttpResponseMessage> Pipeline { get; }

    // Stripe says so itself when a retry cannot help (Stripe-Should-Retry: false); otherwise every 5xx may be transient.
    private static bool ShouldRetry(HttpResponseMessage response) =>
        (int)response.StatusCode >= 500
        && !(response.Headers.TryGetValues("Stripe-Should-Retry", out var values) && values.Contains("false"))
        || response.StatusCode == HttpStatusCode.RequestTimeout;
}
