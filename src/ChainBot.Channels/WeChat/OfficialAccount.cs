using System.Globalization;
using ChainBot.Channels.Crypto;
using ChainBot.Channels.Text;
using ChainBot.Channels.Xml;

namespace ChainBot.Channels.WeChat;

/// <summary>
/// One Official Account's server side (wechat-protocol.md §1): the URL check, reading a push in plaintext,
/// compatible or safe mode, and the passive text reply, plain or encrypted.
/// </summary>
/// <remarks>
/// Immutable and thread-safe: create one per account at start-up and share it. Nothing here does I/O; the host
/// passes the decoded query and the raw body and writes back what it gets.
/// </remarks>
public sealed class OfficialAccount
{
    private readonly string _token;
    private readonly MessageCrypto? _crypto;
    private readonly bool _allowPlaintext;
    private readonly TimeProvider _time;

    /// <summary>Creates the account's protocol handler.</summary>
    /// <param name="settings">Token, AppID and, for safe or compatible mode, the EncodingAESKey.</param>
    /// <param name="time">The clock for reply timestamps; null for the system clock.</param>
    /// <param name="random">The random prefix of encrypted replies; null for a cryptographic random.</param>
    /// <exception cref="ArgumentException">The token or AppID is empty, or the EncodingAESKey is not one.</exception>
    public OfficialAccount(OfficialAccountSettings settings, TimeProvider? time = null, RandomFill? random = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(settings.Token, nameof(settings));
        ArgumentException.ThrowIfNullOrEmpty(settings.AppId, nameof(settings));
        _token = settings.Token;
        _crypto = settings.EncodingAesKey is null
            ? null
            : new MessageCrypto(settings.Token, EncodingAesKey.Parse(settings.EncodingAesKey), settings.AppId, random);
        _allowPlaintext = _crypto is null || settings.AllowPlaintext;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// The URL check (GET, §1.1): valid when <c>signature</c> = SHA1(sort[token, timestamp, nonce]); the value is the
    /// <c>echostr</c> exactly as received, to be written back as a plain-text 200 body.
    /// </summary>
    public ChannelResult<string> VerifyUrl(CallbackQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Signature is null || query.Timestamp is null || query.Nonce is null || query.EchoStr is null)
            return ChannelResult<string>.Failure(ChannelError.MissingParameter, "signature, timestamp, nonce and echostr are required");
        return MessageSignature.Matches(query.Signature, _token, query.Timestamp, query.Nonce)
            ? ChannelResult<string>.Success(query.EchoStr)
            : ChannelResult<string>.Failure(ChannelError.BadSignature, "the signature does not match");
    }

    /// <summary>
    /// Reads a push (POST, §1.2). With <c>encrypt_type=aes</c> the <c>msg_signature</c> over <c>Encrypt</c> is checked
    /// and the encrypted copy is read (safe and compatible modes); otherwise the plain <c>signature</c> is checked and
    /// the plain fields are read. Never throws on the request's content.
    /// </summary>
    public ChannelResult<WeChatInbound> ReadPost(CallbackQuery query, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Timestamp is null || query.Nonce is null)
            return Fail(ChannelError.MissingParameter, "timestamp and nonce are required");
        return query.EncryptType switch
        {
            null or "" or "raw" => ReadPlain(query, query.Nonce, body),
            "aes" => ReadEncrypted(query, query.Timestamp, query.Nonce, body),
            _ => Fail(ChannelError.BadParameter, "encrypt_type must be aes or absent"),
        };
    }

    private ChannelResult<WeChatInbound> ReadPlain(CallbackQuery query, string nonce, ReadOnlySpan<byte> body)
    {
        if (!_allowPlaintext)
            return Fail(ChannelError.EncryptionRequired, "this account is configured for encryption; a plaintext push is refused");
        if (query.Signature is null)
            return Fail(ChannelError.MissingParameter, "signature is required");
        // The plain signature does not cover the body, but checking it first keeps the XML parser away from strangers.
        if (!MessageSignature.Matches(query.Signature, _token, query.Timestamp!, nonce))
            return Fail(ChannelError.BadSignature, "the signature does not match");

        var xml = FlatXml.Parse(body);
        if (!xml.IsSuccess)
            return xml.As<WeChatInbound>();
        if (!xml.Value.Has("MsgType") && xml.Value.Has("Encrypt"))
            return Fail(ChannelError.MissingField, "the body is encrypted but the query has no encrypt_type=aes");
        var message = WeChatMessage.Read(xml.Value);
        return message.IsSuccess
            ? ChannelResult<WeChatInbound>.Success(new WeChatInbound(message.Value, WeChatMode.Plaintext, nonce))
            : message.As<WeChatInbound>();
    }

    private ChannelResult<WeChatInbound> ReadEncrypted(CallbackQuery query, string timestamp, string nonce, ReadOnlySpan<byte> body)
    {
        if (_crypto is null)
            return Fail(ChannelError.NotConfigured, "the push is encrypted but no EncodingAESKey is configured");
        if (query.MsgSignature is null)
            return Fail(ChannelError.MissingParameter, "msg_signature is required with encrypt_type=aes");

        var outer = FlatXml.Parse(body);
        if (!outer.IsSuccess)
            return outer.As<WeChatInbound>();
        string? encrypt = outer.Value["Encrypt"];
        if (string.IsNullOrEmpty(encrypt))
            return Fail(ChannelError.MissingField, "the body has no Encrypt");

        var decrypted = _crypto.VerifyAndDecrypt(query.MsgSignature, timestamp, nonce, encrypt);
        if (!decrypted.IsSuccess)
        {
            return decrypted.Error == CryptoError.SignatureMismatch
                ? Fail(ChannelError.BadSignature, "the msg_signature does not match")
                : Fail(ChannelError.DecryptFailed, decrypted.Reason);
        }
        var inner = FlatXml.Parse(decrypted.Message);
        if (!inner.IsSuccess)
            return Fail(inner.Error, "the decrypted message: " + inner.Reason);
        var message = WeChatMessage.Read(inner.Value);
        if (!message.IsSuccess)
            return message.As<WeChatInbound>();
        var mode = outer.Value.Has("MsgType") ? WeChatMode.Compatible : WeChatMode.Safe;
        return ChannelResult<WeChatInbound>.Success(new WeChatInbound(message.Value, mode, nonce));
    }

    /// <summary>
    /// The passive text reply to a push (§1.3): To and From swapped, CDATA with <c>]]&gt;</c> escaped; encrypted and
    /// wrapped in <c>Encrypt/MsgSignature/TimeStamp/Nonce</c> when the push was encrypted, reusing its nonce. The text
    /// is sent as given: split it first to <see cref="WeChatLimits.PassiveReplyMaxBytes"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The push was encrypted but this account has no key (it came from another account).</exception>
    public string BuildTextReply(WeChatInbound inbound, string text)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(text);
        long now = ChinaTime.UnixNow(_time);
        string xml = ReplyXml.Text(inbound.Message.FromUserName, inbound.Message.ToUserName, now, text);
        if (inbound.Mode == WeChatMode.Plaintext)
            return xml;
        if (_crypto is null)
            throw new InvalidOperationException("An encrypted push needs an encrypted reply, and this account has no EncodingAESKey.");
        return ReplyXml.Encrypted(_crypto.EncryptAndSign(xml, now.ToString(CultureInfo.InvariantCulture), inbound.Nonce));
    }

    /// <summary>
    /// A reply split at line boundaries to <see cref="WeChatLimits.PassiveReplyMaxBytes"/>: the first chunk answers
    /// the push passively, the rest go as customer-service messages (<see cref="CustomerServiceMessage.TextBody"/>).
    /// </summary>
    public static IReadOnlyList<string> SplitReply(string text) => ReplySplitter.Split(text, WeChatLimits.PassiveReplyMaxBytes);

    private static ChannelResult<WeChatInbound> Fail(ChannelError error, string reason) => ChannelResult<WeChatInbound>.Failure(error, reason);
}
