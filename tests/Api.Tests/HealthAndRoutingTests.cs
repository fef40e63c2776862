using System.Net;
using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class HealthAndRoutingTests(ApiFixture fixture)
{
    [Fact]
    public async Task Health_is_ok_while_the_process_runs()
    {
        using var response = await fixture.GetAsync("/api/health");

        Assert.Equal("ok", (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_ok_when_the_database_answers_and_the_silo_is_active()
    {
        using var response = await fixture.GetAsync("/api/ready");

        Assert.Equal("ok", (await ApiAssert.JsonAsync(response, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("GET", "/api/users/me/nothing/here")]
    [InlineData("POST", "/api/no-such-thing")]
    [InlineData("PUT", "/api/cafes/not-a-guid/menu")]
    public async Task An_unknown_API_route_is_a_not_found_problem(string method, string path)
    {
        using var response = await fixture.SendAsync(new HttpMethod(method), path, content: null, accessToken: null);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "not_found");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("DELETE", "/api/auth/login")]
    [InlineData("GET", "/api/auth/register")]
    public async Task A_known_API_route_with_another_method_is_a_not_found_problem(string method, string path)
    {
        using var response = await fixture.SendAsync(new HttpMethod(method), path, content: null, accessToken: null);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.MethodNotAllowed, "not_found");
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id()
    {
        using var response = await fixture.GetAsync("/api/health");

        Assert.True(response.Headers.TryGetValues("X-Request-Id", out var ids) && !string.IsNullOrEmpty(ids.Single()));
    }
}
