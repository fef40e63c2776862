using System.Globalization;

namespace Platform.Actors.Persistence;

/// <summary>Etags of the PostgreSQL tables: the row's integer version, as text. Versions start at 1.</summary>
internal static class VersionEtag
{
    public static string Format(int version) => version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The version an etag stands for; null for a null etag (no record yet).</summary>
    public static int? Parse(string? etag)
    {
        if (etag is null) return null;
        if (int.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0) return version;
        throw new ArgumentException($"'{etag}' is not an etag this storage issued (a positive integer version).", nameof(etag));
    }
}
