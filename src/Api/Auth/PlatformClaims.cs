namespace Platform.Api.Auth;

/// <summary>The claims Platform puts in access tokens, beyond the registered <c>sub</c>, <c>exp</c> and friends.</summary>
public static class PlatformClaims
{
    public const string Session = "sid";
    public const string Username = "name";
    public const string Kind = "kind";
    public const string Cafe = "cafe";
}
