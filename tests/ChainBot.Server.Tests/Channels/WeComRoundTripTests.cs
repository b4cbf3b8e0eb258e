using System.Globalization;
using System.Net;
using System.Text;
using ChainBot.Channels.Crypto;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Channels;

/// <summary>
/// A WeCom app end to end on a real Kestrel: WeCom's URL check (the official vector V1), encrypted text pushes, and
/// the bot's answer through the app's group robot on a fake WeCom on loopback, @-mentioning the member who asked.
/// </summary>
public class WeComRoundTripTests : ServerTestBase
{
    // Key A of the protocol sheet's test vectors (wechat-protocol.md §6).
    private const string Key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string Token = "QDG6eK";
    private const string CorpId = "wx5823bf96d3bd56c7";

    private static readonly MessageCrypto Crypto = new(Token, EncodingAesKey.Parse(Key), CorpId);

    [Test]
    public async Task A_member_s_chain_and_tally_answered_in_the_group_by_its_robot()
    {
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = Settings(platform) });

        // V1: the echostr decrypts to 1616140317555161061.
        string echostr = Uri.EscapeDataString("P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==");
        string echo = await bot.Client.GetStringAsync(
            $"/webhook/wecom/a1?msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780&echostr={echostr}");
        Assert.That(echo, Is.EqualTo("1616140317555161061"));

        await PushAsync(bot, "4561255354251340001", "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份");
        await PushAsync(bot, "4561255354251340001", "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份"); // WeCom's retry
        await PushAsync(bot, "4561255354251340002", "15-502 李");

        var (key, body) = await Eventually.UntilAsync("the robot's message", () => platform.Robot.TryPeek(out var sent) ? sent : default, sent => sent.Key is not null);
        await bot.WaitIdleAsync();
        Assert.That(key, Is.EqualTo("robot-key"));
        Assert.That(platform.Robot, Has.Count.EqualTo(1));
        Assert.That(body.GetProperty("msgtype").GetString(), Is.EqualTo("text"));
        Assert.That(body.GetProperty("text").GetProperty("content").GetString(), Does.Contain("15-502 李").And.Contain("没写数量"));
        Assert.That(body.GetProperty("text").GetProperty("mentioned_list")[0].GetString(), Is.EqualTo("zhangsan"));
    }

    private static async Task PushAsync(BotHost bot, string msgId, string text)
    {
        string ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string xml = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName>"
            + $"<CreateTime>{ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{text}]]></Content>"
            + $"<MsgId>{msgId}</MsgId><AgentID>218</AgentID></xml>";
        var encrypted = Crypto.EncryptAndSign(xml, ts, "1372623149");
        string body = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA[{encrypted.Encrypt}]]></Encrypt></xml>";
        using var response = await bot.Client.PostAsync(
            $"/webhook/wecom/a1?msg_signature={encrypted.Signature}&timestamp={ts}&nonce={encrypted.Nonce}",
            new StringContent(body, Encoding.UTF8, "text/xml"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_robot_over_its_rate_45009_gets_the_reply_again_later_once()
    {
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartBotAsync(new BotSettings(DbPath) { Configuration = [.. Settings(platform), "ChainBot:Outbox:MaxRoundDelay=00:00:00.300"] });
        platform.FailSends(45009);

        await PushAsync(bot, "4561255354251340011", "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份");
        await PushAsync(bot, "4561255354251340012", "统计");

        await Eventually.UntilAsync("the tally, once the robot takes messages again", () => platform.Robot.Count, count => count >= 1);
        await bot.WaitIdleAsync();
        Assert.That(platform.PendingFailures, Is.Zero, "the robot answered 45009 first");
        Assert.That(platform.Robot, Has.Count.EqualTo(1));
        Assert.That(platform.Robot.Single().Body.GetProperty("text").GetProperty("content").GetString(), Does.Contain("共1户"));
    }

    [Test]
    public async Task An_intelligent_robot_s_group_mention_is_answered_in_the_group()
    {
        // Key B of the protocol sheet's vectors; an intelligent robot has no CorpId and an empty receive id.
        const string BotKey = "6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt";
        const string BotToken = "hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo";
        var crypto = new MessageCrypto(BotToken, EncodingAesKey.Parse(BotKey), string.Empty);
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration =
            [
                $"ChainBot:Channels:WeCom:ApiBase={platform.ApiBase}",
                $"ChainBot:Channels:WeCom:Apps:bot1:Token={BotToken}",
                $"ChainBot:Channels:WeCom:Apps:bot1:EncodingAESKey={BotKey}",
                "ChainBot:Channels:WeCom:Apps:bot1:RobotKey=robot-key",
                "ChainBot:Channels:WeCom:Apps:bot1:BotName=接龙助手",
            ],
        });

        await CallbackAsync(bot, crypto, "m-ai-1", "@接龙助手 #接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份\n2. 15-502 李 2份");
        await CallbackAsync(bot, crypto, "m-ai-2", "@接龙助手 统计");

        await Eventually.UntilAsync("the tally in the group", () => platform.Robot.Count, count => count >= 1);
        await bot.WaitIdleAsync();
        Assert.That(platform.Robot.Single().Body.GetProperty("text").GetProperty("content").GetString(), Does.Contain("共2户").And.Contain("3份"));
    }

    private static async Task CallbackAsync(BotHost bot, MessageCrypto crypto, string msgId, string text)
    {
        string json = System.Text.Json.JsonSerializer.Serialize(new
        {
            msgid = msgId, aibotid = "AIBOTID", chatid = "CHATID", chattype = "group", from = new { userid = "zhangsan" },
            response_url = "http://127.0.0.1:1/unused", msgtype = "text", text = new { content = text },
        });
        string ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var encrypted = crypto.EncryptAndSign(json, ts, "987654321");
        using var response = await bot.Client.PostAsync(
            $"/webhook/wecom/bot1?msg_signature={encrypted.Signature}&timestamp={ts}&nonce={encrypted.Nonce}",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { encrypt = encrypted.Encrypt }), Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static string[] Settings(FakePlatform platform) =>
    [
        $"ChainBot:Channels:WeCom:ApiBase={platform.ApiBase}",
        $"ChainBot:Channels:WeCom:Apps:a1:Token={Token}",
        $"ChainBot:Channels:WeCom:Apps:a1:EncodingAESKey={Key}",
        $"ChainBot:Channels:WeCom:Apps:a1:CorpId={CorpId}",
        "ChainBot:Channels:WeCom:Apps:a1:RobotKey=robot-key",
    ];
}
