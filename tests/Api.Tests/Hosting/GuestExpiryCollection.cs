namespace Platform.Api.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class GuestExpiryCollection : ICollectionFixture<GuestExpiryFixture>
{
    public const string Name = "guest expiry";
}
