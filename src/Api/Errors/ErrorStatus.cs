using Microsoft.AspNetCore.Http;
using Platform.Grains.Errors;

namespace Platform.Api.Errors;

/// <summary>The HTTP status of each error code, and the code a bare status stands for.</summary>
public static class ErrorStatus
{
    public static int Of(string code) => code switch
    {
        ErrorCodes.ValidationFailed => StatusCodes.Status400BadRequest,
        ErrorCodes.Unauthorized or ErrorCodes.Expired => StatusCodes.Status401Unauthorized,
        ErrorCodes.PaymentFailed => StatusCodes.Status402PaymentRequired,
        ErrorCodes.Forbidden or ErrorCodes.Muted => StatusCodes.Status403Forbidden,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Conflict => StatusCodes.Status409Conflict,
        ErrorCodes.Gone => StatusCodes.Status410Gone,
        ErrorCodes.Locked => StatusCodes.Status423Locked,
        ErrorCodes.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status503ServiceUnavailable,
    };

    public static string CodeOf(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => ErrorCodes.Unauthorized,
        StatusCodes.Status402PaymentRequired => ErrorCodes.PaymentFailed,
        StatusCodes.Status403Forbidden => ErrorCodes.Forbidden,
        StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => ErrorCodes.NotFound,
        StatusCodes.Status409Conflict => ErrorCodes.Conflict,
        StatusCodes.Status410Gone => ErrorCodes.Gone,
        StatusCodes.Status423Locked => ErrorCodes.Locked,
        StatusCodes.Status429TooManyRequests => ErrorCodes.RateLimited,
        >= 400 and < 500 => ErrorCodes.ValidationFailed,
        _ => ErrorCodes.Unavailable,
    };
}
