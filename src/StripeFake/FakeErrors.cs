using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Platform.StripeFake;

/// <summary>Stripe's error responses: <c>{"error": {type, code, message, param, decline_code, payment_intent}}</c>.</summary>
internal static class FakeErrors
{
    public static FakeResponse Invalid(string code, string message, string? param = null) =>
        Error(StatusCodes.Status400BadRequest, "invalid_request_error", code, message, param);

    public static FakeResponse Missing(string kind, string id) =>
        Error(StatusCodes.Status404NotFound, "invalid_request_error", "resource_missing", $"No such {kind}: '{id}'", "id");

    public static FakeResponse Unauthorized(string? key) =>
        Error(StatusCodes.Status401Unauthorized, "invalid_request_error", null, $"Invalid API Key provided: {Mask(key)}");

    public static FakeResponse ServerError() =>
        Error(StatusCodes.Status500InternalServerError, "api_error", null, "An unknown error occurred while processing the request.");

    public static FakeResponse Error(int status, string type, string? code, string message, string? param = null, Action<JsonObject>? extra = null)
    {
        var error = new JsonObject { ["type"] = type, ["message"] = message };
        if (code is not null) error["code"] = code;
        if (param is not null) error["param"] = param;
        extra?.Invoke(error);
        return new FakeResponse(status, new JsonObject { ["error"] = error }.ToJsonString());
    }

    private static string Mask(string? key) => key is { Length: > 8 } ? $"{key[..8]}****{key[^4..]}" : "****";
}
