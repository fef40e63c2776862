using Platform.Api.Tests.Hosting;
using Platform.Api.Tests.Http;

namespace Platform.Api.Tests.Hub;

/// <summary>Hub calls whose arguments cannot be bound get <c>validation_failed</c>, and the connection lives on.</summary>
[Collection(ApiCollection.Name)]
public sealed class HubArgumentTests(ApiFixture fixture)
{
    public static TheoryData<string, object?[]> WrongArguments => new()
    {
        { "SendMessage", ["not-a-guid", "hello"] },
        { "SendMessage", [42, "hello"] },
        { "SendMessage", [null, "hello"] },
        { "SendMessage", [Guid.NewGuid().ToString(), 42] },
        { "SendMessage", [Guid.NewGuid().ToString(), new { text = "hello" }] },
        { "SendMessage", [Guid.NewGuid().ToString()] },
        { "SendMessage", [Guid.NewGuid().ToString(), "hello", "extra"] },
        { "JoinCafe", ["not-a-guid"] },
        { "JoinCafe", [] },
        { "JoinCafe", [new[] { 1, 2 }] },
    };

    [Theory]
    [MemberData(nameof(WrongArguments))]
    public async Task A_hub_call_with_wrong_arguments_is_a_validation_failure(string method, object?[] arguments)
    {
        var user = await fixture.RegisterAsync();
        await using var hub = await fixture.ConnectHubAsync(user.AccessToken);

        var error = await hub.InvokeExpectingErrorAsync(method, arguments);

        HubAssert.Error("validation_failed", error);
        var cafe = await fixture.CreateCafeAsync(user);
        await hub.InvokeAsync("JoinCafe", cafe.Id);
    }
}
