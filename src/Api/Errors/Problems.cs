using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Grains.Errors;

namespace Platform.Api.Errors;

/// <summary>Problem details of the contract's kind: a status, a title, a detail and a stable <c>code</c>.</summary>
public static class Problems
{
    public static ProblemHttpResult Of(string code, string detail, IDictionary<string, string[]>? errors = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (errors is not null) extensions["errors"] = errors;
        return TypedResults.Problem(detail: detail, statusCode: ErrorStatus.Of(code), extensions: extensions);
    }

    public static ProblemHttpResult Of(PlatformException exception) => Of(exception.Code, exception.Detail);

    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        Of(ErrorCodes.ValidationFailed, "Some fields are missing or not valid.", errors);

    public static ProblemHttpResult NotFound(string detail) => Of(ErrorCodes.NotFound, detail);
}
