using System.Text;
using ChainBot.Channels;
using ChainBot.Channels.Crypto;
using ChainBot.Channels.Generic;
using ChainBot.Channels.WeChat;
using ChainBot.Channels.WeCom;
using ChainBot.Fuzz.Seeds;

namespace ChainBot.Fuzz.Targets;

/// <summary>
/// Each channel's decoder, called as the endpoints call it: an Official Account's plaintext push (the XML reader on
/// the raw body), its safe-mode push (the envelope, then the decrypted message XML), a WeCom app's push, an
/// intelligent robot's JSON callback (the envelope and the decrypted message), and the generic webhook's JSON. A
/// refusal is a value (<see cref="ChannelResult{T}"/>), documented as never thrown, so any exception is a crash.
/// </summary>
/// <remarks>
/// Fuzzed messages are encrypted and signed properly, so they reach the readers behind the signature check, where a
/// platform's own bytes land. The keys and tokens are the protocol sheet's test vectors (wechat-protocol.md §6).
/// </remarks>
internal static class ChannelTargets
{
    private const string KeyA = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string TokenA = "QDG6eK";
    private const string CorpId = "wx5823bf96d3bd56c7";
    private const string AppId = "wx8d1a2fa1b1a1f1a1";
    private const string KeyB = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string TokenB = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string Timestamp = "1409659813";
    private const string Nonce = "1372623149";

    public static IEnumerable<FuzzTarget> Create(SeedCorpus seeds)
    {
        var plain = new OfficialAccount(new OfficialAccountSettings(TokenA, AppId));
        var official = new OfficialAccount(new OfficialAccountSettings(TokenA, AppId, KeyA));
        var officialCrypto = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), AppId, FixedRandom);
        var app = new WeComApp(new WeComAppSettings(TokenA, KeyA, CorpId));
        var appCrypto = new MessageCrypto(TokenA, EncodingAesKey.Parse(KeyA), CorpId, FixedRandom);
        var bot = new WeComAiBot(new WeComAiBotSettings(TokenB, KeyB, "接龙助手"));
        var botCrypto = new MessageCrypto(TokenB, EncodingAesKey.Parse(KeyB), string.Empty, FixedRandom);

        var plainQuery = new CallbackQuery { Signature = officialCrypto.SignPlain(Timestamp, Nonce), Timestamp = Timestamp, Nonce = Nonce };

        yield return new FuzzTarget("wechat.plain", seeds.Xml, RunBytes: body => Read(plain.ReadPost(plainQuery, body)));
        yield return new FuzzTarget("wechat.aes", seeds.Xml, RunBytes: message =>
        {
            var sealedMessage = Seal(officialCrypto, message);
            var query = new CallbackQuery { Signature = plainQuery.Signature, MsgSignature = sealedMessage.Signature, Timestamp = Timestamp, Nonce = Nonce, EncryptType = "aes" };
            Read(official.ReadPost(query, Envelope(sealedMessage.Encrypt)));
        });
        yield return new FuzzTarget("wechat.envelope", seeds.Xml, RunBytes: body =>
        {
            var query = new CallbackQuery { MsgSignature = "0000000000000000000000000000000000000000", Timestamp = Timestamp, Nonce = Nonce, EncryptType = "aes" };
            Read(official.ReadPost(query, body));
        });
        yield return new FuzzTarget("wecom.app", seeds.Xml, RunBytes: message =>
        {
            var sealedMessage = Seal(appCrypto, message);
            Read(app.ReadPost(new CallbackQuery { MsgSignature = sealedMessage.Signature, Timestamp = Timestamp, Nonce = Nonce }, Envelope(sealedMessage.Encrypt)));
        });
        yield return new FuzzTarget("wecom.aibot", seeds.Json, RunBytes: message =>
        {
            var sealedMessage = Seal(botCrypto, message);
            byte[] body = Encoding.UTF8.GetBytes("{\"encrypt\":\"" + sealedMessage.Encrypt + "\"}");
            Read(bot.ReadCallback(new CallbackQuery { MsgSignature = sealedMessage.Signature, Timestamp = Timestamp, Nonce = Nonce }, body));
        });
        yield return new FuzzTarget("wecom.aibot.envelope", seeds.Json, RunBytes: body =>
            Read(bot.ReadCallback(new CallbackQuery { MsgSignature = "0000000000000000000000000000000000000000", Timestamp = Timestamp, Nonce = Nonce }, body)));
        yield return new FuzzTarget("generic", seeds.Json, RunBytes: body => Read(GenericWebhook.Read(body)));
    }

    /// <summary>The random part of an encrypted message, fixed so a crash replays byte for byte.</summary>
    private static void FixedRandom(Span<byte> buffer) => buffer.Fill((byte)'r');

    /// <summary>The message encrypted and signed as the platform does, its bytes as they are (invalid UTF-8 included).</summary>
    private static (string Encrypt, string Signature) Seal(MessageCrypto crypto, byte[] message)
    {
        string encrypt = crypto.Encrypt(message);
        return (encrypt, crypto.Sign(Timestamp, Nonce, encrypt));
    }

    private static byte[] Envelope(string encrypt) =>
        Encoding.UTF8.GetBytes($"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

    /// <summary>Touches what a decoder read, as the endpoints do, so lazily read fields are read too.</summary>
    private static void Read<T>(ChannelResult<T> result) where T : class => _ = result.IsSuccess ? result.Value!.ToString() : result.Reason;
}
