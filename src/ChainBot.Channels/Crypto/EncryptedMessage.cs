namespace ChainBot.Channels.Crypto;

/// <summary>
/// An encrypted reply, before the channel wraps it in XML or JSON: the ciphertext and what signs it
/// (wechat-protocol.md §1.3, §2.3, §4 "Passive reply").
/// </summary>
/// <param name="Encrypt">Base64 of the AES-CBC ciphertext.</param>
/// <param name="Signature">SHA1(sort[token, timestamp, nonce, encrypt]), lowercase hex.</param>
/// <param name="Timestamp">The Unix seconds that were signed, as text.</param>
/// <param name="Nonce">The nonce that was signed (the request's, per the current docs).</param>
public sealed record EncryptedMessage(string Encrypt, string Signature, string Timestamp, string Nonce);
