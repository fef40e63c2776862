using Platform.Actors;

namespace Platform.Grains.Payments;

/// <summary>
/// One tip order, keyed by the order id; its row in <c>payment_orders</c> is its state. Pending becomes paid,
/// failed or canceled; paid never changes again, so events that arrive late or out of order cannot undo a payment.
/// Every transition is idempotent: Stripe may deliver an event more than once.
/// </summary>
public interface IOrderGrain : IGrainWithGuidKey
{
    /// <summary>Creates the order, pending; the same order again (a retried request) returns it unchanged.</summary>
    Task<OrderView> Create(NewOrder order);

    /// <summary>Remembers the PaymentIntent that pays for this order.</summary>
    Task<OrderView> AttachPaymentIntent(string paymentIntentId);

    /// <summary>Marks the order paid and, the first time only, counts the tip towards the payer's badges.</summary>
    Task<OrderView> MarkPaid(string paymentIntentId);

    /// <summary>Marks a pending order failed; a paid order stays paid.</summary>
    Task<OrderView> MarkFailed(string? paymentIntentId, string reason);

    /// <summary>Marks a pending order canceled; a paid order stays paid.</summary>
    Task<OrderView> MarkCanceled(string? paymentIntentId);

    /// <summary>The order; <c>not_found</c> when there is none.</summary>
    [ReadOnly]
    Task<OrderView> Get();
}
