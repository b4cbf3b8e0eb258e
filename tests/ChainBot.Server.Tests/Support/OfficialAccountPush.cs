using ChainBot.Channels.Crypto;

namespace ChainBot.Server.Tests.Support;

/// <summary>
/// Pushes to an Official Account "main" in safe mode, built as WeChat builds them: the message XML encrypted with the
/// account's key, signed with its token, in the envelope; and the settings that configure the account.
/// </summary>
internal static class OfficialAccountPush
{
    public const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    public const string Token = "spamtest";
    public const string AppId = "wx2c2769f8efd9abc2";
    public const string Nonce = "1320562132";

    public static readonly MessageCrypto Crypto = new(Token, EncodingAesKey.Parse(Key), AppId);

    /// <summary>A text message's XML, with a DOCTYPE before it when one is given (hostile cases).</summary>
    public static string Message(string content = "你好", string msgId = "6054768590064713001", string doctype = "") =>
        doctype + "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content>{content}</Content><MsgId>{msgId}</MsgId></xml>";

    /// <summary>The envelope of a safe-mode push, with a DOCTYPE and extra elements when given.</summary>
    public static string Envelope(string encrypt, string doctype = "", string content = "") =>
        $"{doctype}<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>{content}<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";

    /// <summary>A safe-mode push of <paramref name="message"/>: encrypted, signed with <paramref name="crypto"/> at <paramref name="timestamp"/> (now).</summary>
    public static Push Sealed(byte[] message, string? timestamp = null, MessageCrypto? crypto = null, string contentType = "text/xml", bool withSignature = true)
    {
        string ts = timestamp ?? Push.Timestamp();
        var (encrypt, signature) = Push.Seal(crypto ?? Crypto, message, ts, Nonce);
        string query = $"signature={Crypto.SignPlain(ts, Nonce)}&timestamp={ts}&nonce={Nonce}&encrypt_type=aes" + (withSignature ? $"&msg_signature={signature}" : "");
        return new Push("/webhook/wechat/main?" + query, Push.Utf8(Envelope(encrypt)), contentType);
    }

    /// <summary>The account "main"; its API on <paramref name="apiBase"/> with an AppSecret when given (none: never called).</summary>
    public static string[] Settings(string? apiBase = null) =>
    [
        .. apiBase is null ? Array.Empty<string>() : [$"ChainBot:Channels:WeChat:ApiBase={apiBase}", "ChainBot:Channels:WeChat:Accounts:main:AppSecret=test-secret"],
        $"ChainBot:Channels:WeChat:Accounts:main:Token={Token}",
        $"ChainBot:Channels:WeChat:Accounts:main:EncodingAESKey={Key}",
        $"ChainBot:Channels:WeChat:Accounts:main:AppId={AppId}",
    ];
}
