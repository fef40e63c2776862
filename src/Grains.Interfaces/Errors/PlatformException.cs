using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Grains.Errors;

/// <summary>
/// A refusal a client should see: one of <see cref="ErrorCodes"/>, a sentence for people, and for
/// <c>locked</c>, <c>rate_limited</c> and <c>muted</c> the time to wait. The message is the hub error text
/// (<c>rate_limited: retry after 3s</c>), so the exception rebuilt from its type and message alone, as it is
/// when it crosses from one process to another, keeps everything.
/// </summary>
public sealed partial class PlatformException : Exception
{
    public PlatformException(string code, string detail, TimeSpan? retryAfter = null)
        : base(Format(code, detail, retryAfter))
    {
        Code = code;
        Detail = detail;
        RetryAfter = retryAfter;
    }

    /// <summary>Rebuilds the exception from its <see cref="Exception.Message"/>.</summary>
    public PlatformException(string message)
        : base(message)
    {
        var match = MessageShape().Match(message);
        Code = match.Success ? match.Groups["code"].Value : ErrorCodes.Unavailable;
        Detail = match.Success ? match.Groups["detail"].Value : message;
        if (match.Groups["seconds"].Success) RetryAfter = TimeSpan.FromSeconds(int.Parse(match.Groups["seconds"].Value, CultureInfo.InvariantCulture));
    }

    public PlatformException()
        : this(ErrorCodes.Unavailable, "The request could not be completed.")
    {
    }

    public PlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.Unavailable;
        Detail = message;
    }

    public string Code { get; }

    public string Detail { get; }

    /// <summary>How long until trying again can succeed, rounded up to whole seconds in the message.</summary>
    public TimeSpan? RetryAfter { get; }

    public int? RetryAfterSeconds => RetryAfter is { } wait ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : null;

    public static PlatformException NotFound(string detail) => new(ErrorCodes.NotFound, detail);

    public static PlatformException Forbidden(string detail) => new(ErrorCodes.Forbidden, detail);

    public static PlatformException Conflict(string detail) => new(ErrorCodes.Conflict, detail);

    public static PlatformException Unauthorized(string detail) => new(ErrorCodes.Unauthorized, detail);

    public static PlatformException Validation(string detail) => new(ErrorCodes.ValidationFailed, detail);

    private static string Format(string code, string detail, TimeSpan? retryAfter) =>
        retryAfter is { } wait
            ? $"{code}: {detail} (retry after {Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))}s)"
            : $"{code}: {detail}";

    [GeneratedRegex(@"^(?<code>[a-z_]+): (?<detail>.*?)( \(retry after (?<seconds>\d+)s\))?$", RegexOptions.Singleline)]
    private static partial Regex MessageShape();
}
