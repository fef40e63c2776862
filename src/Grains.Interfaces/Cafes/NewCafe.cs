namespace Platform.Grains.Cafes;

public sealed record NewCafe(
    Guid OwnerId,
    string Name,
    string Address,
    string WifiSsid,
    double Latitude,
    double Longitude,
    double RadiusMeters);
