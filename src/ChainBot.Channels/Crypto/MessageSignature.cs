using System.Security.Cryptography;
using System.Text;

namespace ChainBot.Channels.Crypto;

/// <summary>
/// The SHA-1 signatures of WeChat and WeCom (wechat-protocol.md §0, "Signatures"): the parts sorted ordinally,
/// concatenated with no separator, hashed, written as lowercase hex. The plain <c>signature</c> has three parts
/// (token, timestamp, nonce); <c>msg_signature</c> adds the Base64 ciphertext or echostr.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class MessageSignature
{
    /// <summary>
    /// SHA1 of the parts, sorted with <see cref="StringComparer.Ordinal"/> (a culture-aware sort puts <c>hJq…</c>
    /// before <c>Kl7…</c> and fails vector V4), as 40 lowercase hex characters.
    /// </summary>
    public static string Compute(params ReadOnlySpan<string> parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        foreach (string part in sorted)
        {
            ArgumentNullException.ThrowIfNull(part, nameof(parts));
            sha1.AppendData(Encoding.UTF8.GetBytes(part));
        }
        return Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    /// <summary>
    /// True when <paramref name="received"/> is the signature of the parts. The comparison takes the same time
    /// wherever the strings differ, so a caller cannot learn the expected signature a byte at a time.
    /// </summary>
    public static bool Matches(string? received, params ReadOnlySpan<string> parts) =>
        received is not null && FixedTimeEquals(Compute(parts), received);

    /// <summary>Constant-time equality of two ASCII strings (signatures, hex digests).</summary>
    internal static bool FixedTimeEquals(string expected, string received) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(received));
}
