using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Auth;

/// <summary>One test only: the fixture's limit is spent by it.</summary>
[Collection(RateLimitCollection.Name)]
public sealed class RateLimitTests(RateLimitFixture fixture)
{
    [Fact]
    public async Task The_auth_request_over_the_per_address_limit_is_refused_with_429_and_Retry_After()
    {
        for (var request = 1; request <= RateLimitFixture.AuthRequestsPerMinute; request++)
        {
            using var allowed = await fixture.PostAsync("/api/auth/login", new { login = "nobody", password = "wrong password" });
            await ApiAssert.ProblemAsync(allowed, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using var refused = await fixture.PostAsync("/api/auth/register", new { email = "late@example.com", username = "late_one", password = Accounts.Password });

        await ApiAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.InRange(ApiAssert.RetryAfterSeconds(refused), 1, 60);
        using var health = await fixture.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
