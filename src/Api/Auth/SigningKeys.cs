using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Api.Auth;

/// <summary>
/// The key that signs access tokens, and a second one derived from it for refresh tokens. It comes from
/// configuration; without one, a development key is generated and kept in a local file (never in the repository),
/// so tokens survive restarts and every node started from the same folder agrees.
/// </summary>
public sealed class SigningKeys
{
    private const int KeyBytes = 32;

    public SigningKeys(IOptions<AuthOptions> options, ILogger<SigningKeys> logger)
    {
        var key = options.Value.SigningKey is { Length: > 0 } configured
            ? Decode(configured)
            : LoadOrCreateDevelopmentKey(Path.GetFullPath(options.Value.DevelopmentKeyPath), logger);
        AccessTokenKey = new SymmetricSecurityKey(key);
        RefreshTokenKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, key, KeyBytes, info: "platform refresh tokens"u8.ToArray());
    }

    public SymmetricSecurityKey AccessTokenKey { get; }

    public byte[] RefreshTokenKey { get; }

    private static byte[] Decode(string configured)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new OptionsValidationException(AuthOptions.SectionName, typeof(AuthOptions), ["Platform:Auth:SigningKey must be base64."]);
        }

        if (key.Length < KeyBytes)
        {
            throw new OptionsValidationException(AuthOptions.SectionName, typeof(AuthOptions), [$"Platform:Auth:SigningKey must be at least {KeyBytes} bytes."]);
        }

        return key;
    }

    private static byte[] LoadOrCreateDevelopmentKey(string path, ILogger logger)
    {
        if (File.Exists(path)) return Decode(File.ReadAllText(path).Trim());

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        try
        {
            // CreateNew: when two nodes start at once, the second reads what the first wrote.
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            using var writer = new StreamWriter(file);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim());
        }

        logger.DevelopmentKeyCreated(path);
        return key;
    }
}
