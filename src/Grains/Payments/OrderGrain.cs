using Microsoft.Extensions.Logging;
using Platform.Actors;
using Platform.Grains.Badges;
using Platform.Grains.Errors;

namespace Platform.Grains.Payments;

/// <summary>
/// A tip order. Its state is its row in <c>payment_orders</c> rather than a grain-state blob, so orders can be
/// queried and kept as history; single activation makes this grain the row's only writer.
/// </summary>
public sealed class OrderGrain(OrderRows rows, TimeProvider time, ILogger<OrderGrain> logger) : Grain, IOrderGrain
{
    private OrderView? _order;

    private Guid OrderId => this.GetPrimaryKey();

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        _order = await rows.FindAsync(OrderId, cancellationToken);

    public async Task<OrderView> Create(NewOrder order)
    {
        if (_order is not null)
        {
            if (_order.UserId == order.UserId && _order.CafeId == order.CafeId && _order.AmountCents == order.AmountCents
                && _order.Currency == order.Currency)
            {
                return _order;
            }

            throw PlatformException.Conflict("This order exists already.");
        }

        var now = time.GetUtcNow();
        var created = new OrderView(OrderId, order.UserId, order.CafeId, order.AmountCents, order.Currency, OrderStatus.Pending, null, null, now, now);
        if (!await rows.InsertAsync(created)) throw PlatformException.Conflict("This order exists already.");
        _order = created;
        return created;
    }

    public async Task<OrderView> AttachPaymentIntent(string paymentIntentId)
    {
        var order = Existing();
        if (order.PaymentIntentId == paymentIntentId) return order;
        if (order.PaymentIntentId is not null) throw PlatformException.Conflict("This order is paid through another PaymentIntent.");
        return await SaveAsync(order with { PaymentIntentId = paymentIntentId });
    }

    public async Task<OrderView> MarkPaid(string paymentIntentId)
    {
        var order = Existing();
        if (order.Status != OrderStatus.Paid)
        {
            if (order.PaymentIntentId is { } known && known != paymentIntentId)
            {
                OrderLog.ForeignIntent(logger, OrderId, paymentIntentId);
                return order;
            }

            // A failed attempt can still be followed by a paid one (the customer tries another card): Stripe's word
            // that money moved wins over an earlier failure.
            order = await SaveAsync(order with { Status = OrderStatus.Paid, PaymentIntentId = paymentIntentId, FailureReason = null });
        }

        // Told again even when paid already: the ledger counts each order once, and a delivery that failed after
        // the row was written gets the tip counted on Stripe's retry.
        await GrainFactory.GetGrain<IBadgeGrain>(order.UserId).RecordPaidTip(new PaidTip(order.Id, order.CafeId, order.AmountCents, order.Currency));
        return order;
    }

    public Task<OrderView> MarkFailed(string? paymentIntentId, string reason) => EndAsync(OrderStatus.Failed, paymentIntentId, reason);

    public Task<OrderView> MarkCanceled(string? paymentIntentId) => EndAsync(OrderStatus.Canceled, paymentIntentId, null);

    public Task<OrderView> Get() => Task.FromResult(Existing());

    private async Task<OrderView> EndAsync(OrderStatus status, string? paymentIntentId, string? reason)
    {
        var order = Existing();
        if (order.Status != OrderStatus.Pending)
        {
            // Out of order or repeated: a paid order stays paid, and a final state is not rewritten.
            if (order.Status == OrderStatus.Paid) OrderLog.LateOutcomeIgnored(logger, OrderId, status);
            return order;
        }

        return await SaveAsync(order with { Status = status, PaymentIntentId = order.PaymentIntentId ?? paymentIntentId, FailureReason = reason });
    }

    private async Task<OrderView> SaveAsync(OrderView order)
    {
        order = order with { UpdatedAt = time.GetUtcNow() };
        if (!await rows.UpdateAsync(order))
        {
            // The row moved under us (it can only have become paid): believe the row.
            _order = await rows.FindAsync(OrderId) ?? throw PlatformException.NotFound("There is no such order.");
            return _order;
        }

        _order = order;
        return order;
    }

    private OrderView Existing()
    {
        if (_order is not null) return _order;
        DeactivateOnIdle();
        throw PlatformException.NotFound("There is no such order.");
    }
}
