namespace Platform.Actors.Tests;

[CollectionDefinition(Name)]
public sealed class ManualClockCollection : ICollectionFixture<ManualClockFixture>
{
    public const string Name = "manual clock";
}
