namespace Platform.Api.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class RateLimitCollection : ICollectionFixture<RateLimitFixture>
{
    public const string Name = "rate limit";
}
