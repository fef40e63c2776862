using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace Platform.Api.Auth;

/// <summary>
/// Refresh tokens as <c>base64url(user | session | generation | HMAC-SHA256)</c>. The MAC makes them unforgeable,
/// so the user grain needs to remember only the newest generation of each session: an older one that comes back
/// is provably one it issued, which is how reuse is told apart from garbage.
/// </summary>
public sealed class RefreshTokenCodec(SigningKeys keys)
{
    private const int BodyLength = 16 + 16 + 4;
    private const int TokenLength = BodyLength + 32;

    public string Encode(RefreshToken token)
    {
        Span<byte> bytes = stackalloc byte[TokenLength];
        token.UserId.TryWriteBytes(bytes[..16]);
        token.SessionId.TryWriteBytes(bytes[16..32]);
        BinaryPrimitives.WriteInt32BigEndian(bytes[32..BodyLength], token.Generation);
        HMACSHA256.HashData(keys.RefreshTokenKey, bytes[..BodyLength], bytes[BodyLength..]);
        return Base64Url.EncodeToString(bytes);
    }

    public bool TryDecode(string? text, out RefreshToken token)
    {
        token = default;
        if (string.IsNullOrEmpty(text) || Base64Url.GetMaxDecodedLength(text.Length) < TokenLength || text.Length > 128) return false;

        Span<byte> bytes = stackalloc byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (!Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != TokenLength) return false;

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(keys.RefreshTokenKey, bytes[..BodyLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[BodyLength..TokenLength])) return false;

        token = new RefreshToken(new Guid(bytes[..16]), new Guid(bytes[16..32]), BinaryPrimitives.ReadInt32BigEndian(bytes[32..BodyLength]));
        return true;
    }
}
