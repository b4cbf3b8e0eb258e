using System.Diagnostics.CodeAnalysis;

namespace ChainBot.Channels.Crypto;

/// <summary>
/// The AES key of the WXBizMsgCrypt scheme (wechat-protocol.md §0), read from the 43-character EncodingAESKey that
/// the WeChat and WeCom consoles show: <c>AESKey = Base64Decode(EncodingAESKey + "=")</c>, exactly 32 bytes, and the
/// IV is its first 16 bytes.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. <see cref="ToString"/> never shows the key, so an accidental log line leaks nothing.
/// </remarks>
public sealed class EncodingAesKey
{
    /// <summary>The length of an EncodingAESKey in characters.</summary>
    public const int EncodedLength = 43;

    /// <summary>The length of the AES-256 key in bytes.</summary>
    public const int KeyLength = 32;

    /// <summary>The length of the CBC IV in bytes (the key's first 16).</summary>
    public const int IvLength = 16;

    private readonly byte[] _key;

    private EncodingAesKey(byte[] key) => _key = key;

    /// <summary>The 32-byte AES key.</summary>
    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>The IV: the key's first 16 bytes.</summary>
    internal ReadOnlySpan<byte> Iv => _key.AsSpan(0, IvLength);

    /// <summary>
    /// Reads an EncodingAESKey. A value that is not 43 characters of <c>[A-Za-z0-9]</c> is a configuration mistake,
    /// so it throws at start-up rather than failing every message later.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a valid EncodingAESKey; the message says why and never repeats the value.</exception>
    public static EncodingAesKey Parse(string encodingAesKey)
    {
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        return TryParse(encodingAesKey, out var key, out string? error)
            ? key
            : throw new ArgumentException(error, nameof(encodingAesKey));
    }

    /// <summary>Reads an EncodingAESKey; false, with the reason, when it is not one. Never throws.</summary>
    /// <param name="encodingAesKey">The 43 characters from the console.</param>
    /// <param name="key">The key, when it was read.</param>
    /// <param name="error">Why it was not read (never containing the value); null when it was.</param>
    public static bool TryParse(
        string? encodingAesKey, [NotNullWhen(true)] out EncodingAesKey? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (string.IsNullOrEmpty(encodingAesKey))
        {
            error = "The EncodingAESKey is empty; it must be the 43 characters [A-Za-z0-9] shown in the console.";
            return false;
        }
        if (encodingAesKey.Length != EncodedLength)
        {
            error = $"The EncodingAESKey has {encodingAesKey.Length} characters; it must have exactly {EncodedLength} ([A-Za-z0-9]).";
            return false;
        }
        foreach (char c in encodingAesKey)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                error = $"The EncodingAESKey must be {EncodedLength} characters [A-Za-z0-9]; it contains another character.";
                return false;
            }
        }
        // 43 Base64 characters and one '=' are 32 bytes; the low bits of the last character are dropped, as
        // Tencent's own samples do (Key A of the fact sheet ends in 'C', whose low bits are not zero).
        Span<byte> bytes = stackalloc byte[KeyLength + 1];
        if (!Convert.TryFromBase64String(encodingAesKey + "=", bytes, out int written) || written != KeyLength)
        {
            error = $"The EncodingAESKey does not decode to {KeyLength} bytes.";
            return false;
        }
        key = new EncodingAesKey(bytes[..KeyLength].ToArray());
        error = null;
        return true;
    }

    /// <summary>A placeholder that never shows the key.</summary>
    public override string ToString() => "EncodingAesKey(***)";
}
