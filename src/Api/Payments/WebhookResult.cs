namespace Platform.Api.Payments;

/// <summary>What became of a webhook delivery: accepted (applied now, or before), or refused with a reason for the log and the 400.</summary>
public sealed record WebhookResult(bool Accepted, string Detail)
{
    public static WebhookResult Refused(string detail) => new(false, detail);

    public static WebhookResult Ok(string detail) => new(true, detail);
}
