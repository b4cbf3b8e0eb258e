using System.Text.Json;
using ChainBot.Channels.Generic;
using ChainBot.Channels.Tests.Support;
using ChainBot.Core.Messages;

namespace ChainBot.Channels.Tests.Generic;

public class GenericWebhookTests
{
    private const string Secret = "bridge-secret";
    private const string Body = "{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"senderName\":\"王阿姨\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"12号301 王阿姨 1份\",\"mentioned\":false}";
    private const string Timestamp = "1650245400"; // 2022-04-18T09:30:00+08:00
    // Computed independently: Python hmac.new(b"bridge-secret", b"1650245400." + body, sha256).hexdigest().
    private const string Signature = "sha256=0a32ec991a7b1d2e8692875d96d8b5ffc2d6d4b8b0cb0a2a99edb164ad3f8059";

    private static GenericWebhook At(long unixSeconds) => new(Secret, FixedTime.AtUnix(unixSeconds));

    [Test]
    public void Known_signature_is_accepted_and_the_message_read()
    {
        var result = At(1650245400).ReadRequest(Signature, Timestamp, Bytes.Utf8(Body));

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        Assert.That(result.Value, Is.EqualTo(new IncomingMessage("m1", "g1", "u1", "王阿姨",
            new DateTimeOffset(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8)), "12号301 王阿姨 1份")));
    }

    [Test]
    public void Signing_reproduces_the_known_signature()
    {
        var headers = At(1650245400).Sign(Bytes.Utf8(Body));
        Assert.That(headers, Is.EqualTo(new SignedHeaders(Signature, Timestamp)));
    }

    [Test]
    public void Upper_case_hex_is_the_same_signature()
    {
        string upper = "sha256=" + Signature["sha256=".Length..].ToUpperInvariant();
        Assert.That(At(1650245400).Verify(upper, Timestamp, Bytes.Utf8(Body)).IsValid, Is.True);
    }

    [Test]
    public void Bad_signatures_are_refused()
    {
        var webhook = At(1650245400);
        string flipped = Signature[..^1] + (Signature[^1] == '9' ? "8" : "9");
        Assert.That(webhook.Verify(flipped, Timestamp, Bytes.Utf8(Body)).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(webhook.Verify(Signature, Timestamp, Bytes.Utf8(Body + " ")).Error, Is.EqualTo(ChannelError.BadSignature), "body changed");
        Assert.That(webhook.Verify(Signature, "1650245401", Bytes.Utf8(Body)).Error, Is.EqualTo(ChannelError.BadSignature), "timestamp changed");
        Assert.That(new GenericWebhook("other", FixedTime.AtUnix(1650245400)).Verify(Signature, Timestamp, Bytes.Utf8(Body)).Error,
            Is.EqualTo(ChannelError.BadSignature), "other secret");
    }

    [TestCase(null, Timestamp, ChannelError.MissingParameter)]
    [TestCase(Signature, null, ChannelError.MissingParameter)]
    [TestCase("", Timestamp, ChannelError.MissingParameter)]
    [TestCase("0a32ec991a7b1d2e8692875d96d8b5ffc2d6d4b8b0cb0a2a99edb164ad3f8059", Timestamp, ChannelError.BadParameter)]
    [TestCase("sha1=0a32ec991a7b1d2e8692875d96d8b5ffc2d6d4b8", Timestamp, ChannelError.BadParameter)]
    [TestCase("sha256=0a32ec", Timestamp, ChannelError.BadParameter)]
    [TestCase("sha256=zz32ec991a7b1d2e8692875d96d8b5ffc2d6d4b8b0cb0a2a99edb164ad3f8059", Timestamp, ChannelError.BadParameter)]
    [TestCase(Signature, "2022-04-18T09:30:00+08:00", ChannelError.BadParameter)]
    [TestCase(Signature, "-1650245400", ChannelError.BadParameter)]
    [TestCase(Signature, " 1650245400", ChannelError.BadParameter)]
    public void Missing_or_malformed_headers_are_refused(string? signature, string? timestamp, ChannelError expected)
    {
        var check = At(1650245400).Verify(signature, timestamp, Bytes.Utf8(Body));
        Assert.That(check.Error, Is.EqualTo(expected));
        Assert.That(check.Reason, Does.Contain("X-ChainBot-"));
    }

    [TestCase(1650245400 + 300, true)]
    [TestCase(1650245400 - 300, true)]
    [TestCase(1650245400 + 301, false)]
    [TestCase(1650245400 - 301, false)]
    [TestCase(1650245400 + 86400, false)]
    [TestCase(1650245400 - 86400, false)]
    public void Timestamps_beyond_five_minutes_either_way_are_refused(long now, bool valid)
    {
        var check = At(now).Verify(Signature, Timestamp, Bytes.Utf8(Body));
        Assert.That(check.IsValid, Is.EqualTo(valid), check.Reason);
        if (!valid)
        {
            Assert.That(check.Error, Is.EqualTo(ChannelError.StaleTimestamp));
            Assert.That(check.Reason, Does.Contain(now > 1650245400 ? "old" : "future"));
        }
    }

    [Test]
    public void A_stale_request_is_refused_before_its_body_is_read()
    {
        var result = At(1650245400 + 3600).ReadRequest(Signature, Timestamp, Bytes.Utf8(Body));
        Assert.That(result.Error, Is.EqualTo(ChannelError.StaleTimestamp));
    }

    [Test]
    public void Reasons_never_echo_the_secret_or_the_expected_signature()
    {
        var check = At(1650245400).Verify("sha256=" + new string('0', 64), Timestamp, Bytes.Utf8(Body));
        Assert.That(check.Reason, Does.Not.Contain(Secret).And.Not.Contain(Signature[7..]));
    }

    [TestCase("{\"groupId\":\"g1\",\"senderId\":\"u1\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"x\"}", ChannelError.MissingField, "missing msgId")]
    [TestCase("{\"msgId\":\"m1\",\"senderId\":\"u1\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"x\"}", ChannelError.MissingField, "missing groupId")]
    [TestCase("{\"msgId\":\"m1\",\"groupId\":\"g1\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"x\"}", ChannelError.MissingField, "missing senderId")]
    [TestCase("{\"msgId\":\"\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"x\"}", ChannelError.MissingField, "missing msgId")]
    [TestCase("{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"time\":\"2022-04-18T09:30:00+08:00\"}", ChannelError.MissingField, "missing text")]
    [TestCase("{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"time\":\"yesterday\",\"text\":\"x\"}", ChannelError.BadField, "bad time")]
    [TestCase("{\"msgId\":\"m1\",\"groupId\":\"g1\",\"senderId\":\"u1\",\"time\":\"2022-04-18T09:30:00+08:00\",\"text\":\"x\",\"mentioned\":\"yes\"}", ChannelError.BadField, "bad field")]
    [TestCase("{\"msgId\":", ChannelError.MalformedJson, "malformed JSON")]
    [TestCase("[1,2]", ChannelError.MalformedJson, "not a JSON object")]
    [TestCase("", ChannelError.MalformedJson, "malformed JSON")]
    public void Invalid_bodies_have_a_reason(string body, ChannelError expected, string reason)
    {
        var result = GenericWebhook.Read(Bytes.Utf8(body));
        Assert.That(result.Error, Is.EqualTo(expected));
        Assert.That(result.Reason, Does.StartWith(reason));
    }

    [Test]
    public void Numeric_ids_and_mentioned_are_read()
    {
        var result = GenericWebhook.Read(Bytes.Utf8("{\"msgId\":123,\"groupId\":\"g\",\"senderId\":\"u\",\"time\":\"2022-04-18T09:30:00Z\",\"text\":\"统计\",\"mentioned\":true}"));
        Assert.That(result.Value!.MsgId, Is.EqualTo("123"));
        Assert.That(result.Value.Mentioned, Is.True);
    }

    [Test]
    public void Reply_body_is_the_contract()
    {
        var incoming = GenericWebhook.Read(Bytes.Utf8(Body)).Value!;
        var reply = GenericReply.To(incoming, "r-1", "已登记：12号301 王阿姨 1份");

        Assert.That(reply.ToJson(), Is.EqualTo("{\"replyId\":\"r-1\",\"groupId\":\"g1\",\"inReplyTo\":\"m1\",\"mentions\":[\"u1\"],\"text\":\"已登记：12号301 王阿姨 1份\"}"));
        Assert.That(new GenericReply("r-2", "g1", null, [], "截止提醒").ToJson(),
            Is.EqualTo("{\"replyId\":\"r-2\",\"groupId\":\"g1\",\"inReplyTo\":null,\"mentions\":[],\"text\":\"截止提醒\"}"));
    }

    [Test]
    public void Signed_reply_verifies_with_the_same_secret()
    {
        var bot = At(1700000000);
        var signed = bot.SignReply(new GenericReply("r-1", "g1", "m1", ["u1"], "好的\n\"引号\""));

        Assert.That(signed.Headers.Timestamp, Is.EqualTo("1700000000"));
        Assert.That(signed.Headers.Signature, Does.Match("^sha256=[0-9a-f]{64}$"));
        Assert.That(bot.Verify(signed.Headers.Signature, signed.Headers.Timestamp, signed.Body).IsValid, Is.True);
        Assert.That(JsonDocument.Parse(signed.Body).RootElement.GetProperty("text").GetString(), Is.EqualTo("好的\n\"引号\""));
    }

    [Test]
    public void Empty_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => _ = new GenericWebhook(""));
    }
}
