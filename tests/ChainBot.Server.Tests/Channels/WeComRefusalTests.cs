using System.Net;
using ChainBot.Channels.Crypto;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Channels;

/// <summary>
/// Callbacks the WeCom endpoint refuses, for a self-built app (XML) and an intelligent robot (JSON), each with its
/// status and nothing of them stored or answered: a missing or wrong signature (400/401), a timestamp outside the
/// five-minute window (401), a DTD in the decrypted XML (400), bad UTF-8 (400), JSON nested a thousand deep (400),
/// the wrong content type (400), a body over 64 KB (413).
/// </summary>
public class WeComRefusalTests : ServerTestBase
{
    // Keys A and B of the protocol sheet's test vectors (wechat-protocol.md §6).
    private const string AppKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string AppToken = "QDG6eK";
    private const string CorpId = "wx5823bf96d3bd56c7";
    private const string BotKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
    private const string BotToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
    private const string Nonce = "1372623149";

    private static readonly MessageCrypto AppCrypto = new(AppToken, EncodingAesKey.Parse(AppKey), CorpId);
    private static readonly MessageCrypto BotCrypto = new(BotToken, EncodingAesKey.Parse(BotKey), string.Empty);
    private static readonly MessageCrypto Stranger = new("not-the-token", EncodingAesKey.Parse(AppKey), CorpId);

    private static string AppMessage(string content = "你好", string msgId = "4561255354251340001", string doctype = "") =>
        doctype + $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content>{content}</Content><MsgId>{msgId}</MsgId><AgentID>218</AgentID></xml>";

    private static string BotMessage(string content = "@接龙助手 你好", string msgId = "m-ai-1") =>
        "{\"msgid\":\"" + msgId + "\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\",\"from\":{\"userid\":\"zhangsan\"},"
        + "\"msgtype\":\"text\",\"text\":{\"content\":\"" + content + "\"}}";

    private static Push App(byte[] message, string? timestamp = null, MessageCrypto? crypto = null, string contentType = "text/xml", bool withSignature = true)
    {
        string ts = timestamp ?? Push.Timestamp();
        var (encrypt, signature) = Push.Seal(crypto ?? AppCrypto, message, ts, Nonce);
        string body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        return new Push($"/webhook/wecom/a1?timestamp={ts}&nonce={Nonce}" + (withSignature ? $"&msg_signature={signature}" : ""), Push.Utf8(body), contentType);
    }

    private static Push Bot(byte[] message, string? timestamp = null, string contentType = "application/json", bool withSignature = true, Func<string, byte[]>? body = null)
    {
        string ts = timestamp ?? Push.Timestamp();
        var (encrypt, signature) = Push.Seal(BotCrypto, message, ts, Nonce);
        return new Push($"/webhook/wecom/bot1?timestamp={ts}&nonce={Nonce}" + (withSignature ? $"&msg_signature={signature}" : ""),
            body?.Invoke(encrypt) ?? Push.Utf8("{\"encrypt\":\"" + encrypt + "\"}"), contentType);
    }

    public static IEnumerable<TestCaseData> AppRefused()
    {
        byte[] hello = Push.Utf8(AppMessage());
        yield return Case("app: no msg_signature", () => App(hello, withSignature: false), HttpStatusCode.BadRequest);
        yield return Case("app: signed with another token", () => App(hello, crypto: Stranger), HttpStatusCode.Unauthorized);
        yield return Case("app: timestamp ten minutes old", () => App(hello, Push.Timestamp(-10)), HttpStatusCode.Unauthorized);
        yield return Case("app: timestamp ten minutes ahead", () => App(hello, Push.Timestamp(10)), HttpStatusCode.Unauthorized);
        yield return Case("app: XXE in the decrypted message", () => App(Push.Utf8(AppMessage("&x;", doctype: "<!DOCTYPE xml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"))), HttpStatusCode.BadRequest);
        yield return Case("app: entity expansion in the decrypted message", () => App(Push.Utf8(AppMessage("&c;",
            doctype: "<!DOCTYPE xml [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"))), HttpStatusCode.BadRequest);
        yield return Case("app: invalid UTF-8 in the decrypted message", () => App(Push.Splice(AppMessage("李 2份"), "李", 0xC3, 0x28)), HttpStatusCode.BadRequest);
        yield return Case("app: JSON content type", () => App(hello, contentType: "application/json"), HttpStatusCode.BadRequest);
        yield return Case("app: body over 64 KB", () => App(Push.Utf8(AppMessage(new string('菜', 22 * 1024)))), HttpStatusCode.RequestEntityTooLarge);
    }

    public static IEnumerable<TestCaseData> BotRefused()
    {
        byte[] hello = Push.Utf8(BotMessage());
        yield return Case("robot: no msg_signature", () => Bot(hello, withSignature: false), HttpStatusCode.BadRequest);
        yield return Case("robot: signature of another body", () => Bot(hello) with { Body = Push.Utf8("{\"encrypt\":\"" + BotCrypto.Encrypt("{}") + "\"}") }, HttpStatusCode.Unauthorized);
        yield return Case("robot: timestamp ten minutes old", () => Bot(hello, Push.Timestamp(-10)), HttpStatusCode.Unauthorized);
        yield return Case("robot: invalid UTF-8 in the envelope", () => Bot(hello, body: encrypt => Push.Splice("{\"encrypt\":\"" + encrypt + "\",\"x\":\"王\"}", "王", 0xFF)), HttpStatusCode.BadRequest);
        yield return Case("robot: invalid UTF-8 in the decrypted message", () => Bot(Push.Splice(BotMessage("@接龙助手 李 2份"), "李", 0xED, 0xA0, 0x80)), HttpStatusCode.BadRequest);
        yield return Case("robot: envelope nested a thousand deep", () => Bot(hello, body: encrypt => Push.Utf8(Push.Nested("x", 1000).TrimEnd('}') + ",\"encrypt\":\"" + encrypt + "\"}")), HttpStatusCode.BadRequest);
        yield return Case("robot: decrypted message nested a thousand deep", () => Bot(Push.Utf8(Push.Nested("msgid", 1000))), HttpStatusCode.BadRequest);
        yield return Case("robot: XML content type", () => Bot(hello, contentType: "text/xml"), HttpStatusCode.BadRequest);
        yield return Case("robot: body over 64 KB", () => Bot(Push.Utf8(BotMessage(new string('菜', 22 * 1024)))), HttpStatusCode.RequestEntityTooLarge);
    }

    private static TestCaseData Case(string name, Func<Push> push, HttpStatusCode status) =>
        new TestCaseData(push, status).SetName(name.Replace(": ", "_").Replace(' ', '_'));

    [TestCaseSource(nameof(AppRefused))]
    public async Task App_callback_refused_and_nothing_stored(Func<Push> push, HttpStatusCode status)
    {
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Settings });

        await Refusals.AssertRefusedAsync(bot, DbPath, push(), status, App(Push.Utf8(AppMessage(msgId: "4561255354251349999"))));
    }

    [TestCaseSource(nameof(BotRefused))]
    public async Task Robot_callback_refused_and_nothing_stored(Func<Push> push, HttpStatusCode status)
    {
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Settings });

        await Refusals.AssertRefusedAsync(bot, DbPath, push(), status, Bot(Push.Utf8(BotMessage(msgId: "m-ai-good"))));
    }

    private static readonly string[] Settings =
    [
        $"ChainBot:Channels:WeCom:Apps:a1:Token={AppToken}",
        $"ChainBot:Channels:WeCom:Apps:a1:EncodingAESKey={AppKey}",
        $"ChainBot:Channels:WeCom:Apps:a1:CorpId={CorpId}",
        "ChainBot:Channels:WeCom:Apps:a1:RobotKey=robot-key",
        $"ChainBot:Channels:WeCom:Apps:bot1:Token={BotToken}",
        $"ChainBot:Channels:WeCom:Apps:bot1:EncodingAESKey={BotKey}",
        "ChainBot:Channels:WeCom:Apps:bot1:RobotKey=robot-key",
        "ChainBot:Channels:WeCom:Apps:bot1:BotName=接龙助手",
    ];
}
