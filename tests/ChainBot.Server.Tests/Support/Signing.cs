using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChainBot.Server.Tests.Support;

/// The generic webhook's signature, written out here from the contract rather than taken from ChainBot.Channels, so
/// the tests check the server against the documented format: header <c>X-ChainBot-Signature: sha256=&lt;hex&gt;</c>,
/// the lowercase hex HMAC-SHA256 of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>, and <c>X-ChainBot-Timestamp</c> in
/// Unix seconds.
internal static class Signing
{
    public const string SignatureHeader = "X-ChainBot-Signature";
    public const string TimestampHeader = "X-ChainBot-Timestamp";

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Now() => Timestamp(DateTimeOffset.UtcNow);

    public static string Signature(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        byte[] data = [.. Encoding.UTF8.GetBytes(timestamp + "."), .. body];
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    /// True when the headers sign the body with the secret and the timestamp is within five minutes of now.
    public static bool Verify(string secret, string? signature, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signature is null || timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds))
            return false;
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
            return false;
        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature));
    }
}
