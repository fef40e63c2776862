using Microsoft.Extensions.Options;
using Platform.Actors;
using Platform.Api.Payments;
using Platform.Api.Payments.Stripe;

namespace Platform.Api.Apis.Payments;

/// <summary>What the payment endpoints use, bundled for <c>[AsParameters]</c>.</summary>
public sealed class PaymentServices(IGrainFactory grains, StripeClient stripe, IOptions<TipOptions> tips)
{
    public IGrainFactory Grains { get; } = grains;

    public StripeClient Stripe { get; } = stripe;

    public IOptions<TipOptions> Tips { get; } = tips;
}
