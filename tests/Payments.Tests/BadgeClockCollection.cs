namespace Platform.Payments.Tests;

[CollectionDefinition(Name)]
public sealed class BadgeClockCollection : ICollectionFixture<BadgeClockFixture>
{
    public const string Name = "badge clock";
}
