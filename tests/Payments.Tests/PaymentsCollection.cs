namespace Platform.Payments.Tests;

/// <summary>One API, silo and Stripe fake for the payment tests; they run one after another, as the fake's faults are shared.</summary>
[CollectionDefinition(Name)]
public sealed class PaymentsCollection : ICollectionFixture<PaymentsFixture>
{
    public const string Name = "payments";
}
