using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Platform.StripeFake;

/// <summary>The fake's PaymentIntents, idempotent results and events, with Stripe's rules for each request.</summary>
internal sealed class FakeLedger(TimeProvider time)
{
    /// <summary>Stripe's smallest charge is about 50 cents in most currencies; the largest, eight digits.</summary>
    public const long MinimumAmount = 50;
    public const long MaximumAmount = 99_999_999;
    public const string DeclinedCard = "pm_card_chargeDeclined";

    private static readonly HashSet<string> Currencies = ["eur", "usd", "gbp", "chf", "sek", "dkk", "nok", "pln", "cad", "aud", "jpy"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, FakeIntent> _intents = [];
    private readonly Dictionary<string, (string Fingerprint, FakeResponse Response)> _idempotent = [];
    private readonly Dictionary<string, FakeEvent> _events = [];

    public int IntentCount
    {
        get
        {
            lock (_lock) return _intents.Count;
        }
    }

    /// <summary>Creates an intent, or replays the result first given for the same idempotency key.</summary>
    public (FakeResponse Response, bool Replayed, FakeEvent? Event) Create(IFormCollection form, string? idempotencyKey)
    {
        var fingerprint = string.Join('&', form.OrderBy(field => field.Key, StringComparer.Ordinal).Select(field => $"{field.Key}={field.Value}"));
        lock (_lock)
        {
            if (idempotencyKey is not null && _idempotent.TryGetValue(idempotencyKey, out var earlier))
            {
                if (earlier.Fingerprint != fingerprint)
                {
                    var conflict = FakeErrors.Error(StatusCodes.Status400BadRequest, "idempotency_error", null,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{idempotencyKey}' if you meant to execute a different request.");
                    return (conflict, false, null);
                }

                return (earlier.Response, true, null);
            }

            // Parameters that fail validation leave no idempotent result behind, as at Stripe.
            if (Validate(form) is { } invalid) return (invalid, false, null);

            var (response, stripeEvent) = CreateValid(form);
            if (idempotencyKey is not null) _idempotent[idempotencyKey] = (fingerprint, response);
            return (response, false, stripeEvent);
        }
    }

    public FakeResponse Get(string id)
    {
        lock (_lock) return _intents.TryGetValue(id, out var intent) ? Ok(intent) : FakeErrors.Missing("payment_intent", id);
    }

    public (FakeResponse Response, FakeEvent? Event) Cancel(string id)
    {
        lock (_lock)
        {
            if (!_intents.TryGetValue(id, out var intent)) return (FakeErrors.Missing("payment_intent", id), null);
            if (!intent.IsCancelable)
            {
                return (FakeErrors.Invalid("payment_intent_unexpected_state",
                    $"You cannot cancel this PaymentIntent because it has a status of {intent.Status}."), null);
            }

            intent.Status = "canceled";
            intent.CanceledAt = Now();
            return (Ok(intent), NewEvent("payment_intent.canceled", intent));
        }
    }

    /// <summary>Settles an intent as if its customer paid (or was declined); null when there is no such intent.</summary>
    public FakeEvent? Settle(string id, bool paid)
    {
        lock (_lock)
        {
            if (!_intents.TryGetValue(id, out var intent)) return null;
            if (paid)
            {
                intent.Status = "succeeded";
                intent.LastPaymentError = null;
                return NewEvent("payment_intent.succeeded", intent);
            }

            Decline(intent);
            return NewEvent("payment_intent.payment_failed", intent);
        }
    }

    public FakeEvent? FindEvent(string id)
    {
        lock (_lock) return _events.GetValueOrDefault(id);
    }

    private static FakeResponse? Validate(IFormCollection form)
    {
        if (!form.TryGetValue("amount", out var amountText) || amountText.Count == 0)
        {
            return FakeErrors.Invalid("parameter_missing", "Missing required param: amount.", "amount");
        }

        if (!long.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return FakeErrors.Invalid("parameter_invalid_integer", "Invalid integer: " + amountText, "amount");
        }

        var currency = form["currency"].ToString();
        if (currency.Length == 0) return FakeErrors.Invalid("parameter_missing", "Missing required param: currency.", "currency");
        if (!Currencies.Contains(currency)) return FakeErrors.Invalid("parameter_invalid_string", $"Invalid currency: {currency}.", "currency");
        if (amount < MinimumAmount) return FakeErrors.Invalid("amount_too_small", $"Amount must be at least 50 cents ({currency}).", "amount");
        if (amount > MaximumAmount) return FakeErrors.Invalid("amount_too_large", "Amount must be no more than 99,999,999.", "amount");
        return null;
    }

    private (FakeResponse Response, FakeEvent? Event) CreateValid(IFormCollection form)
    {
        var metadata = form.Where(field => field.Key.StartsWith("metadata[", StringComparison.Ordinal) && field.Key.EndsWith(']'))
            .ToDictionary(field => field.Key["metadata[".Length..^1], field => field.Value.ToString());
        var intent = new FakeIntent(StripeIds.New("pi"), long.Parse(form["amount"]!, CultureInfo.InvariantCulture), form["currency"]!, metadata, Now())
        {
            PaymentMethod = form["payment_method"].ToString() is { Length: > 0 } method ? method : null,
        };
        _intents[intent.Id] = intent;
        if (intent.PaymentMethod is null || form["confirm"] != "true") return (Ok(intent), null);

        if (intent.PaymentMethod == DeclinedCard)
        {
            Decline(intent);
            var declined = FakeErrors.Error(StatusCodes.Status402PaymentRequired, "card_error", "card_declined", "Your card was declined.", null, error =>
            {
                error["decline_code"] = "generic_decline";
                error["payment_intent"] = intent.ToJson();
            });
            return (declined, NewEvent("payment_intent.payment_failed", intent));
        }

        intent.Status = "succeeded";
        return (Ok(intent), NewEvent("payment_intent.succeeded", intent));
    }

    private static void Decline(FakeIntent intent)
    {
        intent.Status = "requires_payment_method";
        intent.LastPaymentError = new JsonObject
        {
            ["type"] = "card_error",
            ["code"] = "card_declined",
            ["decline_code"] = "generic_decline",
            ["message"] = "Your card was declined.",
        };
    }

    private FakeEvent NewEvent(string type, FakeIntent intent)
    {
        var id = StripeIds.New("evt");
        var payload = new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = "2024-06-20",
            ["created"] = Now(),
            ["data"] = new JsonObject { ["object"] = intent.ToJson() },
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
        }.ToJsonString();
        var stripeEvent = new FakeEvent(id, type, payload);
        _events[id] = stripeEvent;
        return stripeEvent;
    }

    private static FakeResponse Ok(FakeIntent intent) => new(StatusCodes.Status200OK, intent.ToJson().ToJsonString());

    private long Now() => time.GetUtcNow().ToUnixTimeSeconds();
}
