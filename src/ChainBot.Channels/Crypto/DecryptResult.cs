using System.Diagnostics.CodeAnalysis;

namespace ChainBot.Channels.Crypto;

/// <summary>
/// The result of verifying and decrypting a WXBizMsgCrypt message: the message, or why there is none. Bad input is a
/// value, never an exception, and a failure never carries the key, the token or the plaintext.
/// </summary>
/// <param name="Message">The decrypted message text; null on failure.</param>
/// <param name="Utf8">The decrypted message bytes exactly as they were encrypted; null on failure.</param>
/// <param name="Error">Why it failed; <see cref="CryptoError.None"/> on success.</param>
public readonly record struct DecryptResult(string? Message, byte[]? Utf8, CryptoError Error)
{
    /// <summary>True when the message was verified and decrypted.</summary>
    [MemberNotNullWhen(true, nameof(Message), nameof(Utf8))]
    public bool IsSuccess => Error == CryptoError.None && Message is not null;

    /// <summary>A short English reason for the error, fit for a log line or an HTTP 400 body.</summary>
    public string Reason => Describe(Error);

    /// <summary>A short English reason for an error, fit for a log line or an HTTP 400 body.</summary>
    public static string Describe(CryptoError error) => error switch
    {
        CryptoError.None => "ok",
        CryptoError.MissingParameter => "a signed parameter (signature, timestamp, nonce or ciphertext) is missing",
        CryptoError.SignatureMismatch => "the message signature does not match",
        CryptoError.InvalidBase64 => "the ciphertext is not Base64",
        CryptoError.InvalidCiphertextLength => "the ciphertext is not a whole number of AES blocks",
        CryptoError.InvalidPadding => "the decrypted padding is invalid (wrong EncodingAESKey or damaged ciphertext)",
        CryptoError.InvalidLayout => "the decrypted message layout is invalid",
        CryptoError.ReceiveIdMismatch => "the message is addressed to another receiver id",
        CryptoError.InvalidUtf8 => "the decrypted message is not UTF-8",
        _ => "unknown error",
    };

    /// <summary>A decrypted message.</summary>
    internal static DecryptResult Success(string message, byte[] utf8) => new(message, utf8, CryptoError.None);

    /// <summary>A refused message.</summary>
    internal static DecryptResult Failure(CryptoError error) => new(null, null, error);
}
