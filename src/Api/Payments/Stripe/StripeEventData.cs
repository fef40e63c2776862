using System.Text.Json;

namespace Platform.Api.Payments.Stripe;

/// <summary>The event's <c>data</c>: the object it is about, whose shape depends on the event type.</summary>
public sealed record StripeEventData(JsonElement Object);
