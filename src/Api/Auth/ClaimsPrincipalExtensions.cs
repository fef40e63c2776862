using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; only called behind authorization, which guarantees the claim.</summary>
    public static Guid UserId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(JwtRegisteredClaimNames.Sub)!);

    public static Guid SessionId(this ClaimsPrincipal principal) => Guid.Parse(principal.FindFirstValue(PlatformClaims.Session)!);

    public static string Username(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.Username) ?? "";

    public static bool IsGuest(this ClaimsPrincipal principal) => principal.FindFirstValue(PlatformClaims.Kind) == "guest";

    /// <summary>The café a guest belongs to; null for members.</summary>
    public static Guid? GuestCafeId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(PlatformClaims.Cafe), out var cafeId) ? cafeId : null;
}
