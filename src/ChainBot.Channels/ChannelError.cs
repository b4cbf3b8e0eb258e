namespace ChainBot.Channels;

/// <summary>
/// Why a channel refused an inbound request. The server maps these to HTTP answers: a bad or missing signature to
/// 401, a request it cannot read to 400; none of them is an exception.
/// </summary>
public enum ChannelError
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>A query parameter the request needs (signature, timestamp, nonce, echostr) is missing.</summary>
    MissingParameter,

    /// <summary>A query parameter has a value this library does not support (an unknown <c>encrypt_type</c>).</summary>
    BadParameter,

    /// <summary>The signature does not match: the request did not come from the platform, or the token is wrong.</summary>
    BadSignature,

    /// <summary>The signed timestamp is too far from the server's clock.</summary>
    StaleTimestamp,

    /// <summary>The request was plaintext, but this account is configured for encryption and so requires it.</summary>
    EncryptionRequired,

    /// <summary>The request is encrypted but no EncodingAESKey is configured.</summary>
    NotConfigured,

    /// <summary>The ciphertext was signed correctly but could not be decrypted (see the reason).</summary>
    DecryptFailed,

    /// <summary>The body is not UTF-8.</summary>
    BadEncoding,

    /// <summary>The XML is not well-formed.</summary>
    MalformedXml,

    /// <summary>The XML carries a DTD (entities, external references); refused before anything is expanded.</summary>
    DtdProhibited,

    /// <summary>The JSON is not well-formed, or not an object.</summary>
    MalformedJson,

    /// <summary>A field the message needs is missing or empty.</summary>
    MissingField,

    /// <summary>A field has a value of the wrong kind (a CreateTime that is not a number).</summary>
    BadField,
}
