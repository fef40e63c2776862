namespace Platform.Grains.Cafes;

/// <summary>Great-circle distance on a sphere of the Earth's mean radius (haversine), exact enough for a café's radius.</summary>
public static class GeoDistance
{
    private const double EarthRadiusMeters = 6_371_008.8;

    public static double Meters(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = Radians(latitude1);
        var phi2 = Radians(latitude2);
        var deltaPhi = Radians(latitude2 - latitude1);
        var deltaLambda = Radians(longitude2 - longitude1);
        var a = Math.Pow(Math.Sin(deltaPhi / 2), 2) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Pow(Math.Sin(deltaLambda / 2), 2));
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
