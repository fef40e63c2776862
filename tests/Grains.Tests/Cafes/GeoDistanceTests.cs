using Platform.Grains.Cafes;

namespace Platform.Grains.Tests.Cafes;

public sealed class GeoDistanceTests
{
    [Fact]
    public void A_thousandth_of_a_degree_of_latitude_is_about_111_meters()
    {
        Assert.InRange(GeoDistance.Meters(52.5, 13.4, 52.501, 13.4), 110.5, 111.8);
    }

    [Fact]
    public void Berlin_to_Paris_is_about_878_kilometers()
    {
        Assert.InRange(GeoDistance.Meters(52.5200, 13.4050, 48.8566, 2.3522), 876_000, 880_000);
    }

    [Fact]
    public void A_place_is_no_distance_from_itself()
    {
        Assert.Equal(0, GeoDistance.Meters(-33.8688, 151.2093, -33.8688, 151.2093), 6);
    }
}
