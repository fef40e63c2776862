namespace Platform.Grains.Errors;

/// <summary>The stable error codes of the client contract, shared by problem details and hub errors.</summary>
public static class ErrorCodes
{
    public const string ValidationFailed = "validation_failed";
    public const string Unauthorized = "unauthorized";
    public const string Forbidden = "forbidden";
    public const string NotFound = "not_found";
    public const string Conflict = "conflict";
    public const string Gone = "gone";
    public const string Locked = "locked";
    public const string RateLimited = "rate_limited";
    public const string Muted = "muted";
    public const string Expired = "expired";
    public const string PaymentFailed = "payment_failed";
    public const string Unavailable = "unavailable";
}
