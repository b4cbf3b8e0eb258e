using ChainBot.Channels.Crypto;

namespace ChainBot.Channels.WeCom;

/// <summary>The encrypted <c>echostr</c> of a WeCom URL check, as the host's query decoding leaves it.</summary>
internal static class EchoStr
{
    /// <summary>
    /// Form decoding turns a raw <c>+</c> of the Base64 into a space; Base64 has no spaces, so each space is put back
    /// as <c>+</c> before the signature is checked (wechat-protocol.md §0, C# pitfalls) [Community].
    /// </summary>
    public static string Repair(string echoStr) => echoStr.Replace(' ', '+');

    /// <summary>
    /// The URL check of a WeCom app or intelligent robot: checks the 4-part <c>msg_signature</c> over the echostr,
    /// decrypts it, and gives the plain message to write back as the whole 200 body (no quotes, BOM or newline).
    /// </summary>
    public static ChannelResult<string> Verify(MessageCrypto crypto, CallbackQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.MsgSignature is null || query.Timestamp is null || query.Nonce is null || query.EchoStr is null)
            return ChannelResult<string>.Failure(ChannelError.MissingParameter, "msg_signature, timestamp, nonce and echostr are required");
        var decrypted = crypto.VerifyAndDecrypt(query.MsgSignature, query.Timestamp, query.Nonce, Repair(query.EchoStr));
        return decrypted.IsSuccess
            ? ChannelResult<string>.Success(decrypted.Message)
            : ChannelResult<string>.Failure(WeComApp.ErrorOf(decrypted), decrypted.Reason);
    }
}
