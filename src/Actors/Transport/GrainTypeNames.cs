using System.Collections.Concurrent;
using System.Text;

namespace Platform.Actors.Transport;

/// <summary>
/// Grain type names as they come off the wire: one string per name for the process, instead of a new one for every
/// request that arrives. The names are the grain classes of the cluster, a short list.
/// </summary>
internal static class GrainTypeNames
{
    private const int MaxStackChars = 256;

    // Names come from peers: past this many, a name is read as a new string each time instead of kept.
    private const int MaxNames = 10_000;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ByChars =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string FromUtf8(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxStackChars) return Encoding.UTF8.GetString(utf8);
        Span<char> chars = stackalloc char[MaxStackChars];
        chars = chars[..Encoding.UTF8.GetChars(utf8, chars)];
        if (ByChars.TryGetValue(chars, out var name)) return name;
        var created = new string(chars);
        return Names.Count < MaxNames ? Names.GetOrAdd(created, created) : created;
    }
}
