using System.Globalization;
using Platform.Actors.Invocation;

namespace Platform.Actors;

/// <summary>The key of a grain or reference, as the type it was made with.</summary>
public static class GrainKeyExtensions
{
    public static GrainId GetGrainId(this IAddressable addressable) => addressable switch
    {
        Grain grain => grain.GrainId,
        GrainReference reference => reference.GrainId,
        _ => throw new ArgumentException($"{addressable.GetType()} is neither a grain nor a grain reference.", nameof(addressable)),
    };

    public static string GetPrimaryKeyString(this IAddressable addressable) => addressable.GetGrainId().Key;

    public static Guid GetPrimaryKey(this IAddressable addressable) => Guid.ParseExact(addressable.GetGrainId().Key, "N");

    public static long GetPrimaryKeyLong(this IAddressable addressable) =>
        long.Parse(addressable.GetGrainId().Key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    internal static string FormatKey(Guid key) => key.ToString("N");

    internal static string FormatKey(long key) => key.ToString(CultureInfo.InvariantCulture);
}
