using System.Net;
using System.Text.Json;

namespace Platform.Api.Tests.Http;

/// <summary>Assertions on responses: a status with its JSON body, or the contract's problem details.</summary>
public static class ApiAssert
{
    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Asserts an <c>application/problem+json</c> answer with <paramref name="status"/> and <paramref name="code"/>,
    /// listing exactly <paramref name="fields"/> under <c>errors</c> when given; returns the problem.
    /// </summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code, params string[] fields)
    {
        var problem = await JsonAsync(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.TryGetProperty("title", out _), "A problem has a title.");
        if (fields.Length > 0)
        {
            var errors = problem.GetProperty("errors").EnumerateObject().Select(field => field.Name).Order();
            Assert.Equal(fields.Order(), errors);
        }

        return problem;
    }

    /// <summary>The <c>Retry-After</c> header in seconds; asserts it is there.</summary>
    public static int RetryAfterSeconds(HttpResponseMessage response)
    {
        Assert.True(response.Headers.RetryAfter?.Delta is not null, "Expected a Retry-After header in seconds.");
        return (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
    }
}
