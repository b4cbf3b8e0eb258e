using System.Net;
using ChainBot.Channels.Crypto;
using ChainBot.Server.Tests.Support;
using static ChainBot.Server.Tests.Support.OfficialAccountPush;

namespace ChainBot.Server.Tests.Channels;

/// <summary>
/// Pushes an Official Account's endpoint refuses, each with its status, and nothing of them stored or answered: a
/// signature that is missing, wrong or made with another token (400/401), a timestamp outside the five-minute window
/// (401), a DTD — external entity or entity expansion — in the envelope or in the decrypted message (400), bad UTF-8
/// in either (400), a content type that is not XML (400), a body over 64 KB (413). A replayed push is stored once.
/// </summary>
public class WeChatRefusalTests : ServerTestBase
{
    private static readonly MessageCrypto OtherToken = new("not-the-token", EncodingAesKey.Parse(Key), AppId);

    private const string Laughs =
        "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
        + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">]>";

    private const string Xxe = "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";

    /// <summary>A push whose envelope is <paramref name="envelope"/> as given, signed over a real Encrypt that it may not carry.</summary>
    private static Push Raw(byte[] envelope)
    {
        string ts = Push.Timestamp();
        var (_, signature) = Push.Seal(Crypto, Push.Utf8(Message()), ts, Nonce);
        return new Push($"/webhook/wechat/main?signature={Crypto.SignPlain(ts, Nonce)}&timestamp={ts}&nonce={Nonce}&encrypt_type=aes&msg_signature={signature}", envelope, "text/xml");
    }

    private static Push Good() => Sealed(Push.Utf8(Message(msgId: "6054768590064719999")));

    public static IEnumerable<TestCaseData> Refused()
    {
        byte[] hello = Push.Utf8(Message());
        yield return Case("no msg_signature", () => Sealed(hello, withSignature: false), HttpStatusCode.BadRequest);
        yield return Case("msg_signature made with another token", () => Sealed(hello, crypto: OtherToken), HttpStatusCode.Unauthorized);
        yield return Case("msg_signature of another message", () =>
        {
            var good = Sealed(hello);
            var other = Sealed(Push.Utf8(Message("别的")));
            return good with { Url = other.Url };
        }, HttpStatusCode.Unauthorized);
        yield return Case("timestamp ten minutes old", () => Sealed(hello, Push.Timestamp(-10)), HttpStatusCode.Unauthorized);
        yield return Case("timestamp ten minutes ahead", () => Sealed(hello, Push.Timestamp(10)), HttpStatusCode.Unauthorized);
        yield return Case("timestamp not Unix seconds", () => Sealed(hello, "yesterday"), HttpStatusCode.Unauthorized);
        yield return Case("XXE in the envelope", () => Raw(Push.Utf8(Envelope("x", Xxe, "<FromUserName>&x;</FromUserName>"))), HttpStatusCode.BadRequest);
        yield return Case("entity expansion in the envelope", () => Raw(Push.Utf8(Envelope("x", Laughs, "<FromUserName>&f;</FromUserName>"))), HttpStatusCode.BadRequest);
        yield return Case("XXE in the decrypted message", () => Sealed(Push.Utf8(Message("&x;", doctype: Xxe))), HttpStatusCode.BadRequest);
        yield return Case("entity expansion in the decrypted message", () => Sealed(Push.Utf8(Message("&f;", doctype: Laughs))), HttpStatusCode.BadRequest);
        yield return Case("invalid UTF-8 in the envelope", () => Raw(Push.Splice(Envelope("x", content: "<FromUserName>王</FromUserName>"), "王", 0xE6, 0x9D)), HttpStatusCode.BadRequest);
        yield return Case("invalid UTF-8 in the decrypted message", () => Sealed(Push.Splice(Message("李 2份"), "李", 0xFF, 0xFE)), HttpStatusCode.BadRequest);
        yield return Case("JSON content type", () => Sealed(hello, contentType: "application/json"), HttpStatusCode.BadRequest);
        yield return Case("form content type", () => Sealed(hello, contentType: "application/x-www-form-urlencoded"), HttpStatusCode.BadRequest);
        yield return Case("body over 64 KB", () => Sealed(Push.Utf8(Message(new string('菜', 22 * 1024)))), HttpStatusCode.RequestEntityTooLarge);
    }

    private static TestCaseData Case(string name, Func<Push> push, HttpStatusCode status) =>
        new TestCaseData(push, status).SetName(name.Replace(' ', '_'));

    [TestCaseSource(nameof(Refused))]
    public async Task Refused_and_nothing_stored(Func<Push> push, HttpStatusCode status)
    {
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Account });

        await Refusals.AssertRefusedAsync(bot, DbPath, push(), status, Good());
    }

    [Test]
    public async Task A_replayed_push_within_the_window_is_answered_and_stored_once()
    {
        // The protocol signs the nonce with the timestamp but defines no replay window for it (wechat-protocol.md
        // §1.4): within the five minutes a replay is the same MsgId, acknowledged and deduplicated, never stored twice.
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Account });
        var push = Sealed(Push.Utf8(Message(msgId: "6054768590064713555")));

        using var first = await push.SendAsync(bot);
        using var replay = await push.SendAsync(bot);

        Assert.That((first.StatusCode, replay.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(InboxFile.MessageIds(DbPath), Is.EqualTo(new[] { "6054768590064713555" }));
    }

    private static readonly string[] Account = Settings();
}
