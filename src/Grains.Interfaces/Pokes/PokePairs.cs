using System.Security.Cryptography;
using System.Text;

namespace Platform.Grains.Pokes;

/// <summary>Names for a pair of users that do not depend on who comes first.</summary>
public static class PokePairs
{
    public static string Key(Guid a, Guid b) => a.CompareTo(b) < 0 ? $"{a:N}-{b:N}" : $"{b:N}-{a:N}";

    /// <summary>The DM channel of a pair: one per pair, whichever of them matched first.</summary>
    public static Guid ChannelId(Guid a, Guid b)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("dm/" + Key(a, b)));
        return new Guid(hash.AsSpan(0, 16));
    }
}
