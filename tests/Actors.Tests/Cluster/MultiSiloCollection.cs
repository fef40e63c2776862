namespace Platform.Actors.Tests.Cluster;

[CollectionDefinition(Name)]
public sealed class MultiSiloCollection : ICollectionFixture<MultiSiloFixture>
{
    public const string Name = "multi-silo";
}
