using System.Globalization;
using System.Net;
using System.Text;
using ChainBot.Channels.Crypto;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Channels;

/// <summary>
/// An Official Account end to end on a real Kestrel: WeChat's URL check, a coordinator's safe-mode (AES) pushes
/// (three tries of each, as WeChat retries), and the bot's answer through the customer-service API of a fake WeChat
/// on loopback — one answer, delivered once, with the access token refreshed after a 40001.
/// </summary>
public class WeChatRoundTripTests : ServerTestBase
{
    // Key C of the protocol sheet's test vectors (wechat-protocol.md §6).
    private const string Key = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private const string Token = "spamtest";
    private const string AppId = "wx2c2769f8efd9abc2";
    private const string OpenId = "oyORnuP8q7ou2gfYjqLzSIWZf0rs";

    private static readonly MessageCrypto Crypto = new(Token, EncodingAesKey.Parse(Key), AppId);

    [Test]
    public async Task A_coordinator_s_chain_and_tally_through_an_Official_Account()
    {
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = [.. Settings(platform), "ChainBot:Channels:WeChat:PassiveReplies=false"] });

        // WeChat's URL check: the echostr comes back unchanged.
        string ts = "1409735669", nonce = "1320562132";
        string signature = Crypto.SignPlain(ts, nonce);
        string echo = await bot.Client.GetStringAsync($"/webhook/wechat/main?signature={signature}&timestamp={ts}&nonce={nonce}&echostr=4375120948345356249");
        Assert.That(echo, Is.EqualTo("4375120948345356249"));

        platform.FailSends(40001); // the first send finds its token stale
        const string Chain = "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份\n2. 15-502 李 2份";
        for (int attempt = 0; attempt < 3; attempt++)
            Assert.That(await PushAsync(bot, "6054768590064713001", Chain), Is.EqualTo("success"));
        for (int attempt = 0; attempt < 3; attempt++)
            Assert.That(await PushAsync(bot, "6054768590064713002", "统计"), Is.EqualTo("success"));

        await Eventually.UntilAsync("the tally through the customer-service API", () => platform.CustomerService.Count, count => count >= 1);
        await bot.WaitIdleAsync();
        var (token, body) = platform.CustomerService.Single();
        Assert.That(body.GetProperty("touser").GetString(), Is.EqualTo(OpenId));
        Assert.That(body.GetProperty("text").GetProperty("content").GetString(), Does.Contain("共2户").And.Contain("蔬菜套餐 3份"));
        Assert.That(platform.PendingFailures, Is.Zero, "the first send was answered 40001");
        Assert.That(platform.TokensIssued, Is.EqualTo(2), "the refused token was fetched again, once");
        Assert.That(token, Is.EqualTo("T2"));
        Assert.That((await bot.Store.HealthAsync()).ParkedReplies, Is.Zero);
    }

    [Test]
    public async Task An_answer_ready_in_time_comes_back_in_the_push_s_own_answer_and_is_not_sent_again()
    {
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Settings(platform) });

        Assert.That(await PushAsync(bot, "6054768590064713011", "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份"), Is.EqualTo("success"));
        string answer = await PushAsync(bot, "6054768590064713012", "统计");

        // The passive reply is encrypted like the push (safe mode): decrypt it and read the text.
        var xml = System.Xml.Linq.XElement.Parse(answer);
        var inner = Crypto.Decrypt(xml.Element("Encrypt")!.Value);
        Assert.That(inner.IsSuccess, Is.True, inner.Reason);
        var reply = System.Xml.Linq.XElement.Parse(inner.Message!);
        Assert.That(reply.Element("ToUserName")!.Value, Is.EqualTo(OpenId));
        Assert.That(reply.Element("Content")!.Value, Does.Contain("共1户"));
        await bot.WaitIdleAsync();
        Assert.That(platform.CustomerService, Is.Empty, "taken by the passive reply, not sent again");
    }

    [Test]
    public async Task A_push_that_is_not_WeChat_s_is_refused_and_nothing_stored()
    {
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Settings(platform: null) });

        string now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var forged = await PostAsync(bot, "main", now, "1320562132", "0000000000000000000000000000000000000000", Crypto.Encrypt(Xml("1", "统计")));
        using var unknown = await bot.Client.GetAsync("/webhook/wechat/other?signature=x&timestamp=1&nonce=2&echostr=3");
        using var xxe = await bot.Client.PostAsync(
            $"/webhook/wechat/main?signature=x&timestamp={now}&nonce=2&encrypt_type=aes&msg_signature=x",
            new StringContent("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&e;</Encrypt></xml>", Encoding.UTF8, "text/xml"));

        Assert.That(forged.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(xxe.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await bot.Store.HealthAsync()).PendingMessages, Is.Zero);
        Assert.That(await bot.Store.PendingGroupsAsync(10), Is.Empty);
    }

    /// A safe-mode push of a text message, signed and encrypted as WeChat does; returns the bot's answer.
    private static async Task<string> PushAsync(BotHost bot, string msgId, string text)
    {
        string ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var encrypted = Crypto.EncryptAndSign(Xml(msgId, text), ts, "1320562132");
        using var response = await PostAsync(bot, "main", ts, encrypted.Nonce, encrypted.Signature, encrypted.Encrypt);
        string answer = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer);
        return answer;
    }

    private static Task<HttpResponseMessage> PostAsync(BotHost bot, string account, string ts, string nonce, string msgSignature, string encrypt)
    {
        string body = $"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>";
        string url = $"/webhook/wechat/{account}?signature={Crypto.SignPlain(ts, nonce)}&timestamp={ts}&nonce={nonce}&openid={OpenId}&encrypt_type=aes&msg_signature={msgSignature}";
        return bot.Client.PostAsync(url, new StringContent(body, Encoding.UTF8, "text/xml"));
    }

    private static string Xml(string msgId, string text) =>
        $"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[{OpenId}]]></FromUserName>"
        + $"<CreateTime>{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + $"<Content><![CDATA[{text}]]></Content><MsgId>{msgId}</MsgId></xml>";

    /// <summary>The account "main", its API on <paramref name="platform"/> (none: the real one, never called).</summary>
    private static string[] Settings(FakePlatform? platform) =>
    [
        .. platform is null ? Array.Empty<string>() : [$"ChainBot:Channels:WeChat:ApiBase={platform.ApiBase}", "ChainBot:Channels:WeChat:Accounts:main:AppSecret=test-secret"],
        $"ChainBot:Channels:WeChat:Accounts:main:Token={Token}",
        $"ChainBot:Channels:WeChat:Accounts:main:EncodingAESKey={Key}",
        $"ChainBot:Channels:WeChat:Accounts:main:AppId={AppId}",
    ];
}
