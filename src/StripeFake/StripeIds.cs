using System.Security.Cryptography;

namespace Platform.StripeFake;

/// <summary>Ids in Stripe's style: a prefix and 24 letters and digits.</summary>
internal static class StripeIds
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string New(string prefix) => $"{prefix}_{RandomNumberGenerator.GetString(Alphabet, 24)}";
}
