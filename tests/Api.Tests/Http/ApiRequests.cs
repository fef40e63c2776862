using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Platform.Api.Tests.Hosting;

namespace Platform.Api.Tests.Http;

/// <summary>Requests to a fixture's API, with an optional access token; bodies are JSON (web casing) or raw text.</summary>
public static class ApiRequests
{
    public static Task<HttpResponseMessage> GetAsync(this PlatformFixture fixture, string path, string? accessToken = null) =>
        fixture.SendAsync(HttpMethod.Get, path, null, accessToken);

    public static Task<HttpResponseMessage> PostAsync(this PlatformFixture fixture, string path, object? body, string? accessToken = null) =>
        fixture.SendAsync(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body), accessToken);

    public static Task<HttpResponseMessage> PutAsync(this PlatformFixture fixture, string path, object? body, string? accessToken = null) =>
        fixture.SendAsync(HttpMethod.Put, path, body is null ? null : JsonContent.Create(body), accessToken);

    /// <summary>Posts <paramref name="json"/> as it is, for bodies a serializer would never write.</summary>
    public static Task<HttpResponseMessage> PostRawAsync(this PlatformFixture fixture, string path, string json, string? accessToken = null) =>
        fixture.SendAsync(HttpMethod.Post, path, new StringContent(json, Encoding.UTF8, "application/json"), accessToken);

    public static async Task<HttpResponseMessage> SendAsync(this PlatformFixture fixture, HttpMethod method, string path, HttpContent? content, string? accessToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await fixture.Http.SendAsync(request);
    }
}
