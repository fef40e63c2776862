namespace Platform.Api.Tests;

/// <summary>A café the tests opened, and what guests need to prove they are in it.</summary>
public sealed record TestCafe(Guid Id, string Name, string WifiSsid, double Latitude, double Longitude, double RadiusMeters);
