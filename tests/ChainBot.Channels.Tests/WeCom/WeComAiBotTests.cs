using System.Text.Json;
using ChainBot.Channels.Crypto;
using ChainBot.Channels.Tests.Support;
using ChainBot.Channels.WeCom;
using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.WeCom;

public class WeComAiBotTests
{
    private const string DocExample =
        "{\"msgid\":\"CAIQ16HMjQYY\\/NGagIOAgAMgq4KM0AI=\",\"aibotid\":\"AIBOTID\",\"chatid\":\"CHATID\",\"chattype\":\"group\"," +
        "\"from\":{\"userid\":\"USERID\"},\"response_url\":\"RESPONSEURL\",\"msgtype\":\"text\"," +
        "\"text\":{\"content\":\"@RobotA hello robot\"},\"quote\":{\"msgtype\":\"text\",\"text\":{\"content\":\"…\"}}}";

    private static readonly MessageCrypto BotCrypto = new(TokenB, EncodingAesKey.Parse(KeyB), "");
    private static readonly WeComAiBot Bot = new(new WeComAiBotSettings(TokenB, KeyB, "RobotA"));

    /// <summary>A callback as WeCom would send it: the JSON encrypted with receiveid "", signed, in {"encrypt":…}.</summary>
    private static (CallbackQuery Query, byte[] Body) Callback(string json, string timestamp = "1700000000", string nonce = "n1")
    {
        var sealedMessage = BotCrypto.EncryptAndSign(json, timestamp, nonce);
        var query = new CallbackQuery { MsgSignature = sealedMessage.Signature, Timestamp = timestamp, Nonce = nonce };
        return (query, Bytes.Utf8($"{{\"encrypt\":\"{sealedMessage.Encrypt}\"}}"));
    }

    [Test]
    public void Url_check_decrypts_with_an_empty_receiveid()
    {
        var sealedEcho = BotCrypto.EncryptAndSign("6512847390128", "1700000000", "nonce");
        var query = new CallbackQuery { MsgSignature = sealedEcho.Signature, Timestamp = "1700000000", Nonce = "nonce", EchoStr = sealedEcho.Encrypt };
        Assert.That(Bot.VerifyUrl(query).Value, Is.EqualTo("6512847390128"));
    }

    [Test]
    public void Url_check_refuses_an_echostr_with_a_receiveid_tail()
    {
        // V3's echostr ends in the CorpID: right for an app, wrong for an AI bot.
        var result = new WeComAiBot(new WeComAiBotSettings(TokenB, KeyB)).VerifyUrl(
            new CallbackQuery { MsgSignature = V3Signature, Timestamp = V3Timestamp, Nonce = V3Nonce, EchoStr = V3EchoStr });
        Assert.That(result.Error, Is.EqualTo(ChannelError.DecryptFailed));
    }

    [Test]
    public void Doc_example_callback_is_read()
    {
        var (query, body) = Callback(DocExample);

        var result = Bot.ReadCallback(query, body);

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        Assert.That(result.Value!.Nonce, Is.EqualTo("n1"));
        Assert.That(result.Value.Message, Is.EqualTo(new AiBotMessage(
            "CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", "AIBOTID", "CHATID", "group", "USERID", "text", "hello robot", "RESPONSEURL", null, null, null)));
    }

    [Test]
    public void Group_message_maps_to_an_incoming_message()
    {
        var (query, body) = Callback(DocExample);
        var received = new DateTimeOffset(2025, 6, 1, 2, 0, 0, TimeSpan.Zero);

        var incoming = Bot.ReadCallback(query, body).Value!.Message.ToIncoming(received);

        Assert.That(incoming.MsgId, Is.EqualTo("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI="));
        Assert.That(incoming.GroupId, Is.EqualTo("CHATID"));
        Assert.That(incoming.SenderId, Is.EqualTo("USERID"));
        Assert.That(incoming.Text, Is.EqualTo("hello robot"));
        Assert.That(incoming.Mentioned, Is.True);
        Assert.That(incoming.Time, Is.EqualTo(received));
        Assert.That(incoming.Time.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
    }

    [Test]
    public void Single_chat_is_its_own_group()
    {
        var (query, body) = Callback("{\"msgid\":\"m2\",\"aibotid\":\"B\",\"chattype\":\"single\",\"from\":{\"userid\":\"lisi\"},\"msgtype\":\"text\",\"text\":{\"content\":\"我的\"}}");
        var message = Bot.ReadCallback(query, body).Value!.Message;
        Assert.That(message.ChatId, Is.Null);
        Assert.That(message.ToIncoming(DateTimeOffset.UnixEpoch).GroupId, Is.EqualTo("lisi"));
        Assert.That(message.Text, Is.EqualTo("我的"));
    }

    [Test]
    public void Stream_refresh_event_voice_and_mixed_are_read()
    {
        var (sq, sb) = Callback("{\"msgid\":\"m3\",\"msgtype\":\"stream\",\"stream\":{\"id\":\"STREAMID\"},\"from\":{\"userid\":\"u\"}}");
        var stream = Bot.ReadCallback(sq, sb).Value!.Message;
        Assert.That(stream.IsStreamRefresh, Is.True);
        Assert.That(stream.StreamId, Is.EqualTo("STREAMID"));

        var (eq, eb) = Callback("{\"msgid\":\"m4\",\"create_time\":1700000000,\"aibotid\":\"B\",\"from\":{\"corpid\":\"C\",\"userid\":\"u\"},\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}}");
        var enter = Bot.ReadCallback(eq, eb).Value!.Message;
        Assert.That(enter.IsEvent, Is.True);
        Assert.That(enter.EventType, Is.EqualTo("enter_chat"));
        Assert.That(enter.ToIncoming(DateTimeOffset.UnixEpoch).Time, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));

        var (vq, vb) = Callback("{\"msgid\":\"m5\",\"chattype\":\"single\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"voice\",\"voice\":{\"content\":\"统计一下\"}}");
        Assert.That(Bot.ReadCallback(vq, vb).Value!.Message.Text, Is.EqualTo("统计一下"));

        var (mq, mb) = Callback("{\"msgid\":\"m6\",\"chattype\":\"group\",\"chatid\":\"G\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"mixed\",\"mixed\":{\"msg_item\":[" +
            "{\"msgtype\":\"text\",\"text\":{\"content\":\"@RobotA 接龙\"}},{\"msgtype\":\"image\",\"image\":{\"url\":\"U\"}},{\"msgtype\":\"text\",\"text\":{\"content\":\"1. 王 1份\"}}]}}");
        Assert.That(Bot.ReadCallback(mq, mb).Value!.Message.Text, Is.EqualTo("接龙\n1. 王 1份"));

        var (iq, ib) = Callback("{\"msgid\":\"m7\",\"chattype\":\"single\",\"from\":{\"userid\":\"u\"},\"msgtype\":\"image\",\"image\":{\"url\":\"U\"}}");
        Assert.That(Bot.ReadCallback(iq, ib).Value!.Message.Text, Is.Null);
    }

    [Test]
    public void Tampered_callback_is_refused()
    {
        var (query, body) = Callback(DocExample);
        Assert.That(Bot.ReadCallback(query with { MsgSignature = new string('0', 40) }, body).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(Bot.ReadCallback(query with { Nonce = "n2" }, body).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(Bot.ReadCallback(query with { MsgSignature = null }, body).Error, Is.EqualTo(ChannelError.MissingParameter));
    }

    [Test]
    public void Callback_encrypted_for_an_app_is_refused()
    {
        // V5 was encrypted with receiveid ww1436e0e65a779aee; the AI bot's tail must be empty.
        var query = new CallbackQuery { MsgSignature = V5Signature, Timestamp = V5Timestamp, Nonce = V5Nonce };
        var result = Bot.ReadCallback(query, Bytes.Utf8($"{{\"encrypt\":\"{V5Encrypt}\"}}"));
        Assert.That(result.Error, Is.EqualTo(ChannelError.DecryptFailed));
    }

    [TestCase("", ChannelError.MalformedJson)]
    [TestCase("<xml/>", ChannelError.MalformedJson)]
    [TestCase("[\"encrypt\"]", ChannelError.MalformedJson)]
    [TestCase("{\"encrypt\":", ChannelError.MalformedJson)]
    [TestCase("{\"Encrypt\":\"abc\"}", ChannelError.MissingField)]
    [TestCase("{\"encrypt\":42}", ChannelError.MissingField)]
    public void Malformed_callback_body_is_a_value(string body, ChannelError expected)
    {
        var query = new CallbackQuery { MsgSignature = "s", Timestamp = "1", Nonce = "n" };
        Assert.That(Bot.ReadCallback(query, Bytes.Utf8(body)).Error, Is.EqualTo(expected));
    }

    // Found by the fuzzer (tests/ChainBot.Fuzz): JsonDocument checks a string only when it is read, and threw
    // InvalidOperationException from the member lookup (a lone surrogate escape in a name) or from GetString
    // (invalid UTF-8 in the value) instead of the reader refusing the body.
    public static IEnumerable<TestCaseData> BadStringBodies()
    {
        yield return new TestCaseData(Bytes.Utf8("{\"encrypt\":\"x\",\"\\ud800text\":1}"), ChannelError.MalformedJson, "not valid UTF-8 or UTF-16")
            .SetName("Fuzz_regression_lone_surrogate_escape_in_a_member_name");
        // Now refused before the JSON is read, as the generic webhook does: a body must be UTF-8 throughout.
        yield return new TestCaseData((byte[])[.. Bytes.Utf8("{\"encrypt\":\"a"), 0xFF, .. Bytes.Utf8("\"}")], ChannelError.BadEncoding, "not UTF-8")
            .SetName("Fuzz_regression_invalid_UTF8_in_the_encrypt_value");
    }

    [TestCaseSource(nameof(BadStringBodies))]
    public void A_callback_body_with_a_bad_string_is_a_value_not_an_exception(byte[] body, ChannelError expected, string reason)
    {
        var query = new CallbackQuery { MsgSignature = "s", Timestamp = "1", Nonce = "n" };
        var result = Bot.ReadCallback(query, body);
        Assert.That(result.Error, Is.EqualTo(expected));
        Assert.That(result.Reason, Does.Contain(reason));
    }

    [Test]
    public void Fuzz_regression_a_decrypted_message_with_a_lone_surrogate_escape_is_a_value()
    {
        var (query, body) = Callback("{\"\\udc00msgid\":1,\"msgid\":\"m\",\"msgtype\":\"text\",\"from\":{\"userid\":\"u\"}}");
        var result = Bot.ReadCallback(query, body);
        Assert.That(result.Error, Is.EqualTo(ChannelError.MalformedJson));
        Assert.That(result.Reason, Does.Contain("not valid UTF-8"));
    }

    [TestCase(V5Message, ChannelError.MalformedJson)]
    [TestCase("[1,2]", ChannelError.MalformedJson)]
    [TestCase("{\"msgtype\":\"text\",\"from\":{\"userid\":\"u\"}}", ChannelError.MissingField)]
    [TestCase("{\"msgid\":\"m\",\"from\":{\"userid\":\"u\"}}", ChannelError.MissingField)]
    [TestCase("{\"msgid\":\"m\",\"msgtype\":\"text\",\"text\":{\"content\":\"x\"}}", ChannelError.MissingField)]
    [TestCase("{\"msgid\":\"m\",\"msgtype\":\"event\",\"create_time\":\"soon\"}", ChannelError.BadField)]
    public void Malformed_decrypted_json_is_a_value(string json, ChannelError expected)
    {
        var (query, body) = Callback(json);
        var result = Bot.ReadCallback(query, body);
        Assert.That(result.Error, Is.EqualTo(expected));
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void G2_stream_reply_is_exact()
    {
        var bot = new WeComAiBot(new WeComAiBotSettings(TokenB, KeyB), FixedTime.AtUnix(G2Timestamp), FixedRandom.Ascii(G2Random));
        string plain = AiBotReply.Stream("s1", "收到：hello", finish: true);
        Assert.That(plain, Is.EqualTo(G2Message));

        string reply = bot.BuildReply(G2Nonce, plain);

        Assert.That(reply, Is.EqualTo($"{{\"encrypt\":\"{G2Encrypt}\",\"msgsignature\":\"{G2Signature}\",\"timestamp\":1700000001,\"nonce\":\"{G2Nonce}\"}}"));
        Assert.That(JsonDocument.Parse(reply).RootElement.GetProperty("timestamp").ValueKind, Is.EqualTo(JsonValueKind.Number));
    }

    [Test]
    public void G2_reply_with_the_python_sample_string_timestamp()
    {
        var bot = new WeComAiBot(new WeComAiBotSettings(TokenB, KeyB, TimestampAsString: true), FixedTime.AtUnix(G2Timestamp), FixedRandom.Ascii(G2Random));

        string reply = bot.BuildReply(G2Nonce, G2Message);

        Assert.That(reply, Is.EqualTo($"{{\"encrypt\":\"{G2Encrypt}\",\"msgsignature\":\"{G2Signature}\",\"timestamp\":\"1700000001\",\"nonce\":\"{G2Nonce}\"}}"));
    }

    [Test]
    public void Reply_reuses_the_callback_nonce_and_decrypts_back()
    {
        var bot = new WeComAiBot(new WeComAiBotSettings(TokenB, KeyB), FixedTime.AtUnix(1700000100));
        var (query, body) = Callback(DocExample, nonce: "abc123");
        var inbound = bot.ReadCallback(query, body).Value!;

        var reply = JsonDocument.Parse(bot.BuildReply(inbound, AiBotReply.Stream("st-1", "处理中…", finish: false))).RootElement;

        Assert.That(reply.GetProperty("nonce").GetString(), Is.EqualTo("abc123"));
        var decrypted = BotCrypto.VerifyAndDecrypt(reply.GetProperty("msgsignature").GetString(), "1700000100", "abc123", reply.GetProperty("encrypt").GetString());
        Assert.That(decrypted.Message, Is.EqualTo("{\"msgtype\":\"stream\",\"stream\":{\"id\":\"st-1\",\"finish\":false,\"content\":\"处理中…\"}}"));
    }

    [Test]
    public void Welcome_and_response_url_bodies()
    {
        Assert.That(AiBotReply.Text("欢迎"), Is.EqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"欢迎\"}}"));
        Assert.That(AiBotReply.Markdown("**3号楼** 5户"), Is.EqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**3号楼** 5户\"}}"));
    }
}
