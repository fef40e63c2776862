using System.Net;
using Platform.Api.Tests.Hosting;

namespace Platform.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class SmokeTests(ApiFixture fixture)
{
    [Fact]
    public async Task Health_answers()
    {
        using var response = await fixture.Http.GetAsync("/api/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
