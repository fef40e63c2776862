using Platform.Grains.Payments;

namespace Platform.Api.Apis.Payments;

/// <summary>The contract's order.</summary>
public sealed record OrderResponse(Guid Id, OrderStatus Status, long AmountCents, string Currency, Guid CafeId)
{
    public static OrderResponse From(OrderView order) => new(order.Id, order.Status, order.AmountCents, order.Currency, order.CafeId);
}
