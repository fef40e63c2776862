namespace Platform.StripeFake;

/// <summary>
/// A failure to answer the next request with: before processing it (Stripe down), or after (the request took
/// effect but its response was lost, which is what idempotency keys are for).
/// </summary>
internal sealed record FakeFault(int Status, bool AfterProcessing);
