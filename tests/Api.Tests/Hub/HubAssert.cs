namespace Platform.Api.Tests.Hub;

public static class HubAssert
{
    /// <summary>Asserts a hub error of the contract's shape: its message starts with the code, as in <c>not_found: ...</c>.</summary>
    public static void Error(string code, string error) =>
        Assert.True(error.StartsWith($"{code}: ", StringComparison.Ordinal), $"Expected a hub error starting with '{code}: ', got: {error}");
}
