using Platform.Grains.Payments;

namespace Platform.Api.Apis.Payments;

/// <summary>The contract's answer to a tip: the order, its PaymentIntent, and the secret the client confirms it with.</summary>
public sealed record TipResponse(Guid OrderId, string PaymentIntentId, string? ClientSecret, OrderStatus Status);
