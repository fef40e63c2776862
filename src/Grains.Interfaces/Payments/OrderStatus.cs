namespace Platform.Grains.Payments;

/// <summary>Where an order stands: pending until Stripe says otherwise; paid is final.</summary>
public enum OrderStatus
{
    Pending,
    Paid,
    Failed,
    Canceled,
}
