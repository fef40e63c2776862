using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Platform.Actors.Membership;

/// <summary>Where a silo listens, and which start of it this is: a restarted silo has a new generation.</summary>
public sealed record SiloAddress(string Host, int Port, long Generation)
{
    public bool IsSameEndpoint(SiloAddress other) => Host == other.Host && Port == other.Port;

    /// <summary>Reads the <c>host:port@generation</c> form that <see cref="ToString"/> writes.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SiloAddress? address)
    {
        address = null;
        var at = value.LastIndexOf('@');
        var colon = at < 0 ? -1 : value.LastIndexOf(':', at);
        if (colon <= 0
            || !int.TryParse(value.AsSpan(colon + 1, at - colon - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || !long.TryParse(value.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            return false;
        }

        address = new SiloAddress(value[..colon], port, generation);
        return true;
    }

    public override string ToString() => $"{Host}:{Port}@{Generation}";
}
