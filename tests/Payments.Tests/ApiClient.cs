using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Payments.Tests;

/// <summary>The calls the payment tests make, as a client app would make them.</summary>
public sealed class ApiClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    /// <summary>A new member's access token and id.</summary>
    public async Task<Member> RegisterAsync()
    {
        var name = $"u{Guid.NewGuid():N}"[..20];
        using var response = await http.PostAsJsonAsync("/api/auth/register", new { email = $"{name}@example.com", username = name, password = "correct horse battery" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Member(body.GetProperty("accessToken").GetString()!, body.GetProperty("user").GetProperty("id").GetGuid());
    }

    /// <summary>A new member who owns a new café (members may tip any café, their own included).</summary>
    public async Task<(Member Member, Guid CafeId)> MemberWithCafeAsync()
    {
        var member = await RegisterAsync();
        return (member, await CreateCafeAsync(member));
    }

    public async Task<Guid> CreateCafeAsync(Member owner)
    {
        using var response = await SendAsync(HttpMethod.Post, "/api/cafes", owner,
            new { name = "Tip Jar", address = "1 Main St", wifiSsid = "tipjar", latitude = 52.5, longitude = 13.4, radiusMeters = 100 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> TipAsync(Member member, object tip) => SendAsync(HttpMethod.Post, "/api/payments/tips", member, tip);

    /// <summary>A tip that Stripe accepted: its order id and PaymentIntent id.</summary>
    public async Task<(Guid OrderId, string IntentId)> TipOkAsync(Member member, Guid cafeId, long amountCents = 500)
    {
        using var response = await TipAsync(member, new { cafeId, amountCents, currency = "eur" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("orderId").GetGuid(), body.GetProperty("paymentIntentId").GetString()!);
    }

    public async Task<JsonElement> GetJsonAsync(Member member, string path)
    {
        using var response = await SendAsync(HttpMethod.Get, path, member);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> OrderStatusAsync(Member member, Guid orderId) =>
        (await GetJsonAsync(member, $"/api/payments/orders/{orderId}")).GetProperty("status").GetString()!;

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Member member, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", member.AccessToken);
        return http.SendAsync(request);
    }

    public void Dispose() => http.Dispose();
}
