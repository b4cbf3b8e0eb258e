using System.Security.Cryptography;
using System.Text;

namespace ChainBot.Channels.Generic;

/// <summary>
/// The generic webhook's signature: <c>sha256=</c> + lowercase hex HMAC-SHA256, keyed with the shared secret, of the
/// timestamp, a dot and the body bytes exactly as sent. The timestamp inside the MAC stops a captured request from
/// being replayed later with a fresh timestamp header.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
internal static class GenericSignature
{
    /// <summary>The raw 32-byte MAC of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>.</summary>
    public static byte[] Mac(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, secret);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp));
        hmac.AppendData("."u8);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>The header value, <c>sha256=&lt;64 lowercase hex&gt;</c>.</summary>
    public static string Header(ReadOnlySpan<byte> secret, string timestamp, ReadOnlySpan<byte> body) =>
        GenericHeaders.SignaturePrefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>
    /// Reads the hex of a header value into the 32 bytes it names; false when it is not <c>sha256=</c> and 64 hex
    /// digits. Upper-case hex is read too: the bytes are what is compared.
    /// </summary>
    public static bool TryReadHeader(string header, Span<byte> mac)
    {
        if (!header.StartsWith(GenericHeaders.SignaturePrefix, StringComparison.Ordinal))
            return false;
        var hex = header.AsSpan(GenericHeaders.SignaturePrefix.Length);
        return hex.Length == mac.Length * 2
            && Convert.FromHexString(hex, mac, out int consumed, out int written) == System.Buffers.OperationStatus.Done
            && consumed == hex.Length && written == mac.Length;
    }
}
