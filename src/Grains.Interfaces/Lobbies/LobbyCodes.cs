using System.Security.Cryptography;

namespace Platform.Grains.Lobbies;

/// <summary>Lobby codes: 6 characters from an alphabet without look-alikes (no 0/O, 1/I/L).</summary>
public static class LobbyCodes
{
    public const int Length = 6;
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>Upper-cases what a person typed; null when it cannot be a code.</summary>
    public static string? Normalize(string? code)
    {
        var upper = code?.Trim().ToUpperInvariant();
        return upper is { Length: Length } && upper.All(Alphabet.Contains) ? upper : null;
    }
}
