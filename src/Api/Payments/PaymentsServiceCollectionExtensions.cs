using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Api.Payments.Stripe;

namespace Platform.Api.Payments;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>Tips through Stripe: the options, the typed Stripe client with its retries, and the webhook.</summary>
    public static IServiceCollection AddPlatformPayments(this IServiceCollection services)
    {
        services.AddOptions<StripeOptions>().BindConfiguration(StripeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TipOptions>().BindConfiguration(TipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<StripeResilience>();
        services.AddHttpClient<StripeClient>()
            .ConfigureHttpClient((provider, http) =>
            {
                // Polly times each attempt; this only bounds the whole, retries included.
                var options = provider.GetRequiredService<IOptions<StripeOptions>>().Value;
                http.Timeout = (options.AttemptTimeout + options.RetryDelay * 8) * (options.MaxRetries + 1);
            });
        services.AddSingleton<StripeEventLog>();
        services.AddScoped<StripeWebhook>();
        return services;
    }
}
