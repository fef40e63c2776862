using System.Text.RegularExpressions;
using Platform.Grains.Cafes;

namespace Platform.Grains.Tests.Cafes;

public sealed class GuestNameGeneratorTests
{
    [Fact]
    public void Names_are_an_adjective_a_noun_and_a_number_below_100()
    {
        var name = GuestNameGenerator.Next(_ => false);

        Assert.Matches(new Regex("^[A-Z][a-z]+[A-Z][a-z]+[0-9]{1,2}$"), name);
    }

    [Fact]
    public void A_taken_name_is_never_given()
    {
        var first = GuestNameGenerator.Next(_ => false)!;

        for (var i = 0; i < 100; i++) Assert.NotEqual(first, GuestNameGenerator.Next(taken => taken == first.ToLowerInvariant()));
    }
}
