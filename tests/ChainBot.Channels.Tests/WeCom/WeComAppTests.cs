using System.Net;
using ChainBot.Channels.Tests.Support;
using ChainBot.Channels.WeCom;
using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.WeCom;

public class WeComAppTests
{
    private static readonly WeComApp AppA = new(new WeComAppSettings(TokenA, KeyA, ReceiveIdA));
    private static readonly WeComApp AppB = new(new WeComAppSettings(TokenB, KeyB, ReceiveIdB));

    private static CallbackQuery Query(string signature, string timestamp, string nonce, string? echoStr = null) =>
        new() { MsgSignature = signature, Timestamp = timestamp, Nonce = nonce, EchoStr = echoStr };

    private static byte[] Body(string encrypt, string corpId = ReceiveIdA, string agentId = "218") =>
        Bytes.Utf8($"<xml><ToUserName><![CDATA[{corpId}]]></ToUserName><AgentID><![CDATA[{agentId}]]></AgentID><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

    [Test]
    public void V1_url_check_answers_the_decrypted_echostr()
    {
        var result = AppA.VerifyUrl(Query(V1Signature, V1Timestamp, V1Nonce, V1EchoStr));
        Assert.That(result.Value, Is.EqualTo(V1Reply));
    }

    [Test]
    public void V1_url_check_survives_form_decoding_of_plus()
    {
        // The URL-encoded form decodes correctly; a raw '+' left unencoded becomes a space in form decoding.
        string encoded = V1EchoStr.Replace("/", "%2F").Replace("+", "%2B").Replace("=", "%3D");
        Assert.That(WebUtility.UrlDecode(encoded), Is.EqualTo(V1EchoStr));
        string raw = WebUtility.UrlDecode(V1EchoStr);
        Assert.That(raw, Does.Contain(" "));

        Assert.That(AppA.VerifyUrl(Query(V1Signature, V1Timestamp, V1Nonce, raw)).Value, Is.EqualTo(V1Reply));
    }

    [Test]
    public void V3_url_check_with_key_B()
    {
        Assert.That(AppB.VerifyUrl(Query(V3Signature, V3Timestamp, V3Nonce, V3EchoStr)).Value, Is.EqualTo(V3Reply));
    }

    [Test]
    public void Url_check_with_a_bad_signature_or_missing_parameter_is_refused()
    {
        Assert.That(AppA.VerifyUrl(Query(V3Signature, V1Timestamp, V1Nonce, V1EchoStr)).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(AppA.VerifyUrl(Query(V1Signature, V1Timestamp, V1Nonce)).Error, Is.EqualTo(ChannelError.MissingParameter));
    }

    [Test]
    public void Url_check_for_another_corp_is_refused()
    {
        var other = new WeComApp(new WeComAppSettings(TokenA, KeyA, "ww0000000000000000"));
        var result = other.VerifyUrl(Query(V1Signature, V1Timestamp, V1Nonce, V1EchoStr));
        Assert.That(result.Error, Is.EqualTo(ChannelError.DecryptFailed));
        Assert.That(result.Reason, Does.Contain("receiver id"));
    }

    [Test]
    public void V2_push_is_decrypted_into_a_message()
    {
        var result = AppA.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Body(V2Encrypt));

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        Assert.That(result.Value!.Nonce, Is.EqualTo(V2Nonce));
        Assert.That(result.Value.Message, Is.EqualTo(new WeComMessage(
            ReceiveIdA, "mycreate", 1409659813, "text", "hello", "4561255354251345929", "218", null, null)));
    }

    [Test]
    public void V4_push_needs_the_ordinal_sort_and_reads_chinese()
    {
        var result = AppB.ReadPost(Query(V4Signature, V4Timestamp, V4Nonce), Body(V4Encrypt, ReceiveIdB, "1000002"));

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        var message = result.Value!.Message;
        Assert.That(message.FromUserName, Is.EqualTo("ChenJiaShun"));
        Assert.That(message.Content, Is.EqualTo("你好"));
        Assert.That(message.MsgId, Is.EqualTo("1456453720"));
        Assert.That(message.AgentId, Is.EqualTo("1000002"));
    }

    [Test]
    public void Push_maps_to_an_incoming_message()
    {
        var incoming = AppB.ReadPost(Query(V4Signature, V4Timestamp, V4Nonce), Body(V4Encrypt, ReceiveIdB)).Value!.Message.ToIncoming();

        Assert.That(incoming.MsgId, Is.EqualTo("1456453720"));
        Assert.That(incoming.GroupId, Is.EqualTo("ChenJiaShun"));
        Assert.That(incoming.SenderId, Is.EqualTo("ChenJiaShun"));
        Assert.That(incoming.Text, Is.EqualTo("你好"));
        Assert.That(incoming.Time, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1476422779)));
        Assert.That(incoming.Time.Offset, Is.EqualTo(TimeSpan.FromHours(8)));
    }

    [Test]
    public void Event_dedupes_by_sender_and_time()
    {
        var follow = new WeComMessage(ReceiveIdA, "zhangsan", 1700000000, "event", null, null, "1000002", "enter_agent", null);
        Assert.That(follow.DedupeKey, Is.EqualTo("zhangsan:1700000000"));
        Assert.That(follow.ToIncoming(m => "g-" + m.AgentId).GroupId, Is.EqualTo("g-1000002"));
    }

    [Test]
    public void Tampered_push_is_refused()
    {
        Assert.That(AppA.ReadPost(Query("1" + V2Signature[1..], V2Timestamp, V2Nonce), Body(V2Encrypt)).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(AppA.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Body("X" + V2Encrypt[1..])).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(AppA.ReadPost(Query(V2Signature, V2Timestamp, "1"), Body(V2Encrypt)).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(AppA.ReadPost(new CallbackQuery { Timestamp = V2Timestamp, Nonce = V2Nonce }, Body(V2Encrypt)).Error, Is.EqualTo(ChannelError.MissingParameter));
    }

    [Test]
    public void Push_for_another_corp_is_refused()
    {
        var other = new WeComApp(new WeComAppSettings(TokenA, KeyA, ReceiveIdB));
        Assert.That(other.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Body(V2Encrypt)).Error, Is.EqualTo(ChannelError.DecryptFailed));
    }

    [Test]
    public void V5_json_plaintext_is_not_xml()
    {
        // V5's decrypted message is (malformed) JSON: it decrypts, but an app push must be XML.
        var result = AppB.ReadPost(Query(V5Signature, V5Timestamp, V5Nonce), Body(V5Encrypt, ReceiveIdB));
        Assert.That(result.Error, Is.EqualTo(ChannelError.MalformedXml));
        Assert.That(result.Reason, Does.StartWith("the decrypted message"));
    }

    [TestCaseSource(typeof(HostileXml), nameof(HostileXml.All))]
    public void Outer_xml_with_a_dtd_is_refused(string body)
    {
        Assert.That(AppA.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Bytes.Utf8(body)).Error, Is.EqualTo(ChannelError.DtdProhibited));
    }

    [Test]
    public void Malformed_outer_xml_or_no_encrypt_is_a_value()
    {
        Assert.That(AppA.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Bytes.Utf8("<xml><Encrypt>")).Error, Is.EqualTo(ChannelError.MalformedXml));
        Assert.That(AppA.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Bytes.Utf8("<xml><ToUserName>x</ToUserName></xml>")).Error, Is.EqualTo(ChannelError.MissingField));
    }

    [Test]
    public void G1_passive_reply_is_exact()
    {
        var app = new WeComApp(new WeComAppSettings(TokenA, KeyA, ReceiveIdA), FixedTime.AtUnix(G1Timestamp), FixedRandom.Ascii(G1Random));
        var inbound = new WeComInbound(new WeComMessage(ReceiveIdA, "zhangsan", 1699999990, "text", "统计", "1", "218", null, null), G1Nonce);

        string reply = app.BuildTextReply(inbound, "你好，世界");

        Assert.That(reply, Is.EqualTo(
            $"<xml><Encrypt><![CDATA[{G1Encrypt}]]></Encrypt><MsgSignature><![CDATA[{G1Signature}]]></MsgSignature>" +
            $"<TimeStamp>1700000000</TimeStamp><Nonce><![CDATA[{G1Nonce}]]></Nonce></xml>"));
    }

    [Test]
    public void Reply_round_trips_as_a_push()
    {
        var app = new WeComApp(new WeComAppSettings(TokenA, KeyA, ReceiveIdA), FixedTime.AtUnix(1700000000));
        var inbound = AppA.ReadPost(Query(V2Signature, V2Timestamp, V2Nonce), Body(V2Encrypt)).Value!;
        var wrapper = ChainBot.Channels.Xml.FlatXml.Parse(app.BuildTextReply(inbound, "已收到")).Value!;

        // The reply is shaped like a push, so the same handler can read it back.
        var echoed = AppA.ReadPost(Query(wrapper["MsgSignature"]!, wrapper["TimeStamp"]!, wrapper["Nonce"]!),
            Bytes.Utf8($"<xml><Encrypt><![CDATA[{wrapper["Encrypt"]}]]></Encrypt></xml>"));
        Assert.That(echoed.Value!.Message.ToUserName, Is.EqualTo("mycreate"));
        Assert.That(echoed.Value.Message.FromUserName, Is.EqualTo(ReceiveIdA));
        Assert.That(echoed.Value.Message.Content, Is.EqualTo("已收到"));
    }

    [Test]
    public void Active_text_body_is_the_documented_json()
    {
        Assert.That(WeComAppMessage.TextBody("u1|u2", 1000002, "统计"),
            Is.EqualTo("{\"touser\":\"u1|u2\",\"msgtype\":\"text\",\"agentid\":1000002,\"text\":{\"content\":\"统计\"}}"));
    }
}
