namespace Platform.Api.Tests.Hosting;

[CollectionDefinition(Name)]
public sealed class ManualClockCollection : ICollectionFixture<ManualClockFixture>
{
    public const string Name = "manual clock";
}
