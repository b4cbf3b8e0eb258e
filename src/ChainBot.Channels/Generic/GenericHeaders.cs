namespace ChainBot.Channels.Generic;

/// <summary>
/// The headers that sign the generic webhook both ways (design.md, "Contracts"): a bridge's request to the bot and
/// the bot's reply to the bridge's callback URL.
/// </summary>
public static class GenericHeaders
{
    /// <summary><c>sha256=</c> and the lowercase hex HMAC-SHA256 of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>.</summary>
    public const string Signature = "X-ChainBot-Signature";

    /// <summary>Unix seconds when the message was signed; a request further than five minutes from the bot's clock is refused.</summary>
    public const string Timestamp = "X-ChainBot-Timestamp";

    /// <summary>The scheme prefix of the signature header's value.</summary>
    public const string SignaturePrefix = "sha256=";
}
