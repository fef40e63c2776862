using System.ComponentModel.DataAnnotations;

namespace Platform.Api.Auth;

public sealed class AuthOptions
{
    public const string SectionName = "Platform:Auth";

    /// <summary>
    /// The HS256 key for access tokens (and the refresh-token MAC), base64, at least 32 bytes. When empty, a
    /// development key is generated once and kept in <see cref="DevelopmentKeyPath"/>.
    /// </summary>
    public string SigningKey { get; set; } = "";

    public string DevelopmentKeyPath { get; set; } = ".platform/signing-key";

    [Required]
    public string Issuer { get; set; } = "platform";

    [Required]
    public string Audience { get; set; } = "platform";

    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}
