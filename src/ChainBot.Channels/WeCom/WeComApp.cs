using System.Globalization;
using ChainBot.Channels.Crypto;
using ChainBot.Channels.Text;
using ChainBot.Channels.Xml;

namespace ChainBot.Channels.WeCom;

/// <summary>
/// One WeCom self-built app's callback (wechat-protocol.md §2): the URL check, reading an encrypted push, and the
/// encrypted passive reply. Everything is encrypted with receiveid = CorpID.
/// </summary>
/// <remarks>Immutable and thread-safe: create one per app at start-up and share it. No I/O.</remarks>
public sealed class WeComApp
{
    private readonly MessageCrypto _crypto;
    private readonly string _corpId;
    private readonly TimeProvider _time;

    /// <summary>Creates the app's protocol handler.</summary>
    /// <param name="settings">Token, EncodingAESKey and CorpID.</param>
    /// <param name="time">The clock for reply timestamps; null for the system clock.</param>
    /// <param name="random">The random prefix of encrypted replies; null for a cryptographic random.</param>
    /// <exception cref="ArgumentException">The token or CorpID is empty, or the EncodingAESKey is not one.</exception>
    public WeComApp(WeComAppSettings settings, TimeProvider? time = null, RandomFill? random = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.Token, nameof(settings));
        ArgumentException.ThrowIfNullOrEmpty(settings.CorpId, nameof(settings));
        ArgumentNullException.ThrowIfNull(settings.EncodingAesKey, nameof(settings));
        _crypto = new MessageCrypto(settings.Token, EncodingAesKey.Parse(settings.EncodingAesKey), settings.CorpId, random);
        _corpId = settings.CorpId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The URL check (GET, §2.1): checks <c>msg_signature</c> over the echostr, decrypts it, and gives the plain
    /// message to write back as the whole 200 body — no quotes, no BOM, no newline — within one second.
    /// </summary>
    public ChannelResult<string> VerifyUrl(CallbackQuery query) => EchoStr.Verify(_crypto, query);

    /// <summary>Reads a push (POST, §2.2): checks <c>msg_signature</c> over <c>Encrypt</c>, decrypts and reads the message. Never throws on the request's content.</summary>
    public ChannelResult<WeComInbound> ReadPost(CallbackQuery query, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.MsgSignature is null || query.Timestamp is null || query.Nonce is null)
            return Fail(ChannelError.MissingParameter, "msg_signature, timestamp and nonce are required");
        var outer = FlatXml.Parse(body);
        if (!outer.IsSuccess)
            return outer.As<WeComInbound>();
        string? encrypt = outer.Value["Encrypt"];
        if (string.IsNullOrEmpty(encrypt))
            return Fail(ChannelError.MissingField, "the body has no Encrypt");

        var decrypted = _crypto.VerifyAndDecrypt(query.MsgSignature, query.Timestamp, query.Nonce, encrypt);
        if (!decrypted.IsSuccess)
            return Fail(ErrorOf(decrypted), decrypted.Reason);
        var inner = FlatXml.Parse(decrypted.Message);
        if (!inner.IsSuccess)
            return Fail(inner.Error, "the decrypted message: " + inner.Reason);
        var message = WeComMessage.Read(inner.Value);
        return message.IsSuccess
            ? ChannelResult<WeComInbound>.Success(new WeComInbound(message.Value, query.Nonce))
            : message.As<WeComInbound>();
    }

    /// <summary>
    /// The encrypted passive text reply (§2.3): inner XML to the member from the CorpID, wrapped in
    /// <c>Encrypt/MsgSignature/TimeStamp/Nonce</c> with the request's nonce. The text is sent as given: split it first
    /// to <see cref="WeComLimits.AppTextMaxBytes"/>.
    /// </summary>
    public string BuildTextReply(WeComInbound inbound, string text)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(text);
        long now = ChinaTime.UnixNow(_time);
        string xml = ReplyXml.Text(inbound.Message.FromUserName, _corpId, now, text);
        return ReplyXml.Encrypted(_crypto.EncryptAndSign(xml, now.ToString(CultureInfo.InvariantCulture), inbound.Nonce));
    }

    /// <summary>
    /// A reply split at line boundaries to <see cref="WeComLimits.AppTextMaxBytes"/>: the first chunk answers the
    /// push passively, the rest go as active messages (<see cref="WeComAppMessage.TextBody"/>).
    /// </summary>
    public static IReadOnlyList<string> SplitReply(string text) => ReplySplitter.Split(text, WeComLimits.AppTextMaxBytes);

    /// <summary>The channel error of a failed decryption: a bad signature is 401 material, the rest a failed decryption.</summary>
    internal static ChannelError ErrorOf(DecryptResult result) => result.Error switch
    {
        CryptoError.MissingParameter => ChannelError.MissingParameter,
        CryptoError.SignatureMismatch => ChannelError.BadSignature,
        _ => ChannelError.DecryptFailed,
    };

    private static ChannelResult<WeComInbound> Fail(ChannelError error, string reason) => ChannelResult<WeComInbound>.Failure(error, reason);
}
