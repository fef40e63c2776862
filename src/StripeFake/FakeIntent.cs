using System.Text.Json.Nodes;

namespace Platform.StripeFake;

/// <summary>A PaymentIntent the fake holds; changed only under the fake's lock.</summary>
internal sealed class FakeIntent(string id, long amount, string currency, Dictionary<string, string> metadata, long created)
{
    public string Id { get; } = id;

    public string Status { get; set; } = "requires_payment_method";

    public string? PaymentMethod { get; set; }

    public JsonObject? LastPaymentError { get; set; }

    public long? CanceledAt { get; set; }

    /// <summary>Stripe's states in which an intent can still be canceled.</summary>
    public bool IsCancelable => Status is "requires_payment_method" or "requires_confirmation" or "requires_action" or "requires_capture" or "processing";

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "payment_intent",
        ["amount"] = amount,
        ["amount_received"] = Status == "succeeded" ? amount : 0,
        ["currency"] = currency,
        ["status"] = Status,
        ["client_secret"] = $"{Id}_secret_{Id[3..]}",
        ["metadata"] = new JsonObject(metadata.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)entry.Value))),
        ["payment_method"] = PaymentMethod,
        ["last_payment_error"] = LastPaymentError?.DeepClone(),
        ["canceled_at"] = CanceledAt,
        ["cancellation_reason"] = CanceledAt is null ? null : "requested_by_customer",
        ["created"] = created,
        ["livemode"] = false,
    };
}
