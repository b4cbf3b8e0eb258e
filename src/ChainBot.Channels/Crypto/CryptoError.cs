namespace ChainBot.Channels.Crypto;

/// <summary>Why a WXBizMsgCrypt message could not be verified or decrypted (wechat-protocol.md §0, "Decrypt procedure").</summary>
public enum CryptoError
{
    /// <summary>No error: the message was verified and decrypted.</summary>
    None = 0,

    /// <summary>A part the signature covers (signature, timestamp, nonce, ciphertext) is missing.</summary>
    MissingParameter,

    /// <summary>The msg_signature does not match SHA1(sort[token, timestamp, nonce, ciphertext]).</summary>
    SignatureMismatch,

    /// <summary>The ciphertext is not Base64.</summary>
    InvalidBase64,

    /// <summary>The ciphertext is empty or not a whole number of AES blocks.</summary>
    InvalidCiphertextLength,

    /// <summary>The last plaintext byte is not a padding count of 1..32 (a wrong key, or a damaged ciphertext).</summary>
    InvalidPadding,

    /// <summary>The plaintext is too short for random‖length‖message‖receiveid, or its length field runs past the end.</summary>
    InvalidLayout,

    /// <summary>The plaintext's tail is not the expected receiveid (AppID, CorpID, or empty for the AI bot).</summary>
    ReceiveIdMismatch,

    /// <summary>The message is not valid UTF-8.</summary>
    InvalidUtf8,
}
