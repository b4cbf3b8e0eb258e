namespace ChainBot.Channels;

/// <summary>
/// The query string of a WeChat or WeCom callback, already URL-decoded by the host (wechat-protocol.md §1.1, §1.2,
/// §2.1, §4). One type for every platform: each reads the parameters it signs and ignores the rest.
/// </summary>
/// <remarks>Immutable. Build it with <see cref="From"/> over the host's query collection.</remarks>
public sealed record CallbackQuery
{
    /// <summary>The Official Account's plain signature: SHA1(sort[token, timestamp, nonce]).</summary>
    public string? Signature { get; init; }

    /// <summary>The message signature, SHA1(sort[token, timestamp, nonce, Encrypt-or-echostr]).</summary>
    public string? MsgSignature { get; init; }

    /// <summary>Unix seconds, as text (it is signed as text).</summary>
    public string? Timestamp { get; init; }

    /// <summary>The nonce; the current docs reuse it in the encrypted reply.</summary>
    public string? Nonce { get; init; }

    /// <summary>The URL-verification challenge: plain for the Official Account, encrypted for WeCom.</summary>
    public string? EchoStr { get; init; }

    /// <summary>The Official Account's <c>encrypt_type</c>: <c>aes</c> in safe and compatible modes.</summary>
    public string? EncryptType { get; init; }

    /// <summary>The Official Account's <c>openid</c> of the sender (informative; the body is authoritative).</summary>
    public string? OpenId { get; init; }

    /// <summary>
    /// Reads the query through <paramref name="get"/> (a key's first value, or null), for instance
    /// <c>CallbackQuery.From(key => request.Query[key].FirstOrDefault())</c>.
    /// </summary>
    public static CallbackQuery From(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        return new CallbackQuery
        {
            Signature = get("signature"),
            MsgSignature = get("msg_signature"),
            Timestamp = get("timestamp"),
            Nonce = get("nonce"),
            EchoStr = get("echostr"),
            EncryptType = get("encrypt_type"),
            OpenId = get("openid"),
        };
    }
}
