using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Api.Payments.Stripe;

/// <summary>
/// Stripe's webhook signature scheme: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...][,v0=...]</c>, each
/// <c>v1</c> an HMAC-SHA256, keyed with an endpoint secret, over <c>"{t}." + raw body</c>. Stripe sends one <c>v1</c> per
/// active secret while a secret rotates, and other schemes (<c>v0</c>) are ignored. The timestamp is signed too, so
/// checking it against a tolerance stops replays of old deliveries.
/// </summary>
public static class StripeSignature
{
    public const string Header = "Stripe-Signature";

    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> payload, IReadOnlyCollection<string> secrets, TimeSpan tolerance, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var item in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = item.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0) continue;
            var (key, value) = (item[..separator], item[(separator + 1)..]);
            if (key == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) timestamp = seconds;
            else if (key == "v1" && TryHex(value, out var signature)) signatures.Add(signature);
        }

        if (timestamp is not { } t || signatures.Count == 0) return SignatureCheck.Malformed;

        // Stripe's libraries refuse old timestamps; a timestamp far in the future is refused too, as a clock that
        // cannot be trusted either way.
        if (t < now.ToUnixTimeSeconds() - (long)tolerance.TotalSeconds || t > now.ToUnixTimeSeconds() + (long)tolerance.TotalSeconds)
        {
            return SignatureCheck.OutsideTolerance;
        }

        var signed = Signed(t, payload);
        foreach (var secret in secrets)
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
            foreach (var signature in signatures)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signature)) return SignatureCheck.Valid;
            }
        }

        return SignatureCheck.NoMatch;
    }

    /// <summary>The bytes Stripe signs: the timestamp, a dot, and the body exactly as it came over the wire.</summary>
    private static byte[] Signed(long timestamp, ReadOnlySpan<byte> payload)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }

    private static bool TryHex(string value, out byte[] bytes)
    {
        bytes = [];
        if (value.Length != 64) return false;
        try
        {
            bytes = Convert.FromHexString(value);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
