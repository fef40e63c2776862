using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Platform.Actors;
using Platform.Grains.Errors;

namespace Platform.Api.Errors;

/// <summary>
/// Turns what endpoints throw into the contract's problem details: refusals from grains keep their code, bodies
/// that cannot be read are <c>validation_failed</c> (naming the field when JSON says which), an unreachable
/// cluster is <c>unavailable</c>. Only a genuine fault becomes a 500.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (code, detail, errors) = Describe(exception);
        if (code == ErrorCodes.Unavailable && exception is not (TimeoutException or SiloUnavailableException)) logger.RequestFailed(exception);

        context.Response.StatusCode = exception is BadHttpRequestException bad ? bad.StatusCode : ErrorStatus.Of(code);
        if (exception is PlatformException { RetryAfterSeconds: { } seconds }) context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = context.Response.StatusCode, Detail = detail };
        problem.Extensions["code"] = code;
        if (errors is not null) problem.Extensions["errors"] = errors;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static (string Code, string Detail, Dictionary<string, string[]>? Errors) Describe(Exception exception) => exception switch
    {
        PlatformException refusal => (refusal.Code, refusal.Detail, null),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            (ErrorCodes.ValidationFailed, "The request body is too large.", null),
        BadHttpRequestException { InnerException: JsonException json } =>
            (ErrorCodes.ValidationFailed, "The request body is not valid JSON of the expected shape.", FieldError(json)),
        BadHttpRequestException bad => (ErrorCodes.ValidationFailed, bad.Message, null),
        TimeoutException or SiloUnavailableException => (ErrorCodes.Unavailable, "The service is busy or restarting; try again.", null),
        _ => (ErrorCodes.Unavailable, "The request could not be completed.", null),
    };

    private static Dictionary<string, string[]>? FieldError(JsonException json)
    {
        if (json.Path is not { Length: > 2 } path) return null;
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        return new Dictionary<string, string[]> { [field] = ["This field has the wrong type or format."] };
    }
}
