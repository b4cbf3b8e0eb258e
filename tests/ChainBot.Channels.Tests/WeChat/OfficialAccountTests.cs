using ChainBot.Channels.Crypto;
using ChainBot.Channels.Tests.Support;
using ChainBot.Channels.WeChat;
using ChainBot.Channels.Xml;
using static ChainBot.Channels.Tests.Support.Vectors;

namespace ChainBot.Channels.Tests.WeChat;

public class OfficialAccountTests
{
    private const string PlainXml =
        "<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[oUser1]]></FromUserName>" +
        "<CreateTime>1714037059</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[#接龙\n1. 12号301 王 1份]]></Content>" +
        "<MsgId>24567890123456789</MsgId></xml>";

    private static readonly OfficialAccount Plain = new(new OfficialAccountSettings(TokenD, AppIdD));

    private static readonly OfficialAccount V6Account = new(new OfficialAccountSettings(V6Token, V6AppId, KeyC));

    private static CallbackQuery PlainQuery(string signature = P2Signature) =>
        new() { Signature = signature, Timestamp = P2Timestamp, Nonce = P2Nonce, OpenId = "oUser1" };

    private static CallbackQuery V6Query(string msgSignature = V6Signature) =>
        new() { Signature = "ignored", MsgSignature = msgSignature, Timestamp = V6Timestamp, Nonce = V6Nonce, EncryptType = "aes" };

    private static byte[] SafeBody(string encrypt = V6Encrypt) =>
        Bytes.Utf8($"<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

    [Test]
    public void Url_check_returns_echostr_unchanged()
    {
        var query = new CallbackQuery { Signature = P1Signature, Timestamp = P1Timestamp, Nonce = P1Nonce, EchoStr = P1EchoStr };
        var result = Plain.VerifyUrl(query);
        Assert.That(result.Value, Is.EqualTo(P1EchoStr));
    }

    [Test]
    public void Url_check_with_a_bad_or_missing_signature_is_refused()
    {
        var query = new CallbackQuery { Signature = P2Signature, Timestamp = P1Timestamp, Nonce = P1Nonce, EchoStr = P1EchoStr };
        Assert.That(Plain.VerifyUrl(query).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(Plain.VerifyUrl(query with { Signature = null }).Error, Is.EqualTo(ChannelError.MissingParameter));
        Assert.That(Plain.VerifyUrl(query with { Signature = P1Signature, EchoStr = null }).Error, Is.EqualTo(ChannelError.MissingParameter));
    }

    [Test]
    public void Query_is_read_by_the_platform_names()
    {
        var values = new Dictionary<string, string> { ["signature"] = "s", ["msg_signature"] = "m", ["timestamp"] = "t", ["nonce"] = "n", ["echostr"] = "e", ["encrypt_type"] = "aes", ["openid"] = "o" };
        var query = CallbackQuery.From(key => values.GetValueOrDefault(key));
        Assert.That(query, Is.EqualTo(new CallbackQuery { Signature = "s", MsgSignature = "m", Timestamp = "t", Nonce = "n", EchoStr = "e", EncryptType = "aes", OpenId = "o" }));
    }

    [Test]
    public void Plaintext_push_is_read()
    {
        var result = Plain.ReadPost(PlainQuery(), Bytes.Utf8(PlainXml));

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        var inbound = result.Value!;
        Assert.That(inbound.Mode, Is.EqualTo(WeChatMode.Plaintext));
        Assert.That(inbound.Nonce, Is.EqualTo(P2Nonce));
        Assert.That(inbound.Message, Is.EqualTo(new WeChatMessage("gh_97417a04a28d", "oUser1", 1714037059, "text", "#接龙\n1. 12号301 王 1份", "24567890123456789", null, null)));
    }

    [Test]
    public void Plaintext_push_with_a_bad_signature_is_refused_before_its_xml_is_read()
    {
        var result = Plain.ReadPost(PlainQuery(P1Signature), Bytes.Utf8(HostileXml.BillionLaughs));
        Assert.That(result.Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(Plain.ReadPost(PlainQuery() with { Signature = null }, Bytes.Utf8(PlainXml)).Error, Is.EqualTo(ChannelError.MissingParameter));
        Assert.That(Plain.ReadPost(PlainQuery() with { Nonce = null }, Bytes.Utf8(PlainXml)).Error, Is.EqualTo(ChannelError.MissingParameter));
    }

    [Test]
    public void V6_safe_mode_push_is_verified_and_decrypted()
    {
        var result = V6Account.ReadPost(V6Query(), SafeBody());

        Assert.That(result.IsSuccess, Is.True, result.Reason);
        Assert.That(result.Value!.Mode, Is.EqualTo(WeChatMode.Safe));
        Assert.That(result.Value.Message, Is.EqualTo(new WeChatMessage(
            "gh_10f6c3c3ac5a", "oyORnuP8q7ou2gfYjqLzSIWZf0rs", 1409735668, "text", "abcdteT", "6054768590064713728", null, null)));
    }

    [Test]
    public void Compatible_mode_reads_the_encrypted_copy()
    {
        string body = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName><FromUserName><![CDATA[forged]]></FromUserName>" +
                      "<CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[forged]]></Content>" +
                      $"<MsgId>1</MsgId><Encrypt><![CDATA[{V6Encrypt}]]></Encrypt></xml>";

        var result = V6Account.ReadPost(V6Query(), Bytes.Utf8(body));

        Assert.That(result.Value!.Mode, Is.EqualTo(WeChatMode.Compatible));
        Assert.That(result.Value.Message.Content, Is.EqualTo("abcdteT"));
        Assert.That(result.Value.Message.FromUserName, Is.EqualTo("oyORnuP8q7ou2gfYjqLzSIWZf0rs"));
    }

    [Test]
    public void Tampered_safe_mode_push_is_refused()
    {
        Assert.That(V6Account.ReadPost(V6Query("0" + V6Signature[1..]), SafeBody()).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(V6Account.ReadPost(V6Query(), SafeBody("X" + V6Encrypt[1..])).Error, Is.EqualTo(ChannelError.BadSignature));
        Assert.That(V6Account.ReadPost(V6Query() with { MsgSignature = null }, SafeBody()).Error, Is.EqualTo(ChannelError.MissingParameter));
        Assert.That(V6Account.ReadPost(V6Query(), Bytes.Utf8("<xml><ToUserName>gh</ToUserName></xml>")).Error, Is.EqualTo(ChannelError.MissingField));
    }

    [Test]
    public void Push_for_another_appid_is_refused()
    {
        var other = new OfficialAccount(new OfficialAccountSettings(V6Token, "wx0000000000000000", KeyC));
        var result = other.ReadPost(V6Query(), SafeBody());
        Assert.That(result.Error, Is.EqualTo(ChannelError.DecryptFailed));
        Assert.That(result.Reason, Does.Contain("receiver id"));
    }

    [Test]
    public void Encrypted_push_without_a_key_and_plaintext_push_with_one_are_refused()
    {
        Assert.That(Plain.ReadPost(V6Query(), SafeBody()).Error, Is.EqualTo(ChannelError.NotConfigured));
        Assert.That(V6Account.ReadPost(PlainQuery(), Bytes.Utf8(PlainXml)).Error, Is.EqualTo(ChannelError.EncryptionRequired));

        var lenient = new OfficialAccount(new OfficialAccountSettings(TokenD, AppIdD, KeyD, AllowPlaintext: true));
        Assert.That(lenient.ReadPost(PlainQuery(), Bytes.Utf8(PlainXml)).IsSuccess, Is.True);
    }

    [Test]
    public void Encrypted_body_without_encrypt_type_or_an_unknown_encrypt_type_is_refused()
    {
        var safeBodyPlainQuery = Plain.ReadPost(PlainQuery(), SafeBody());
        Assert.That(safeBodyPlainQuery.Error, Is.EqualTo(ChannelError.MissingField));
        Assert.That(safeBodyPlainQuery.Reason, Does.Contain("encrypt_type"));
        Assert.That(V6Account.ReadPost(V6Query() with { EncryptType = "des" }, SafeBody()).Error, Is.EqualTo(ChannelError.BadParameter));
    }

    [TestCaseSource(typeof(HostileXml), nameof(HostileXml.All))]
    public void Xml_with_a_dtd_is_refused(string body)
    {
        Assert.That(Plain.ReadPost(PlainQuery(), Bytes.Utf8(body)).Error, Is.EqualTo(ChannelError.DtdProhibited));
    }

    [Test]
    public void Encrypted_xml_with_a_dtd_is_refused_too()
    {
        var crypto = new MessageCrypto(TokenD, EncodingAesKey.Parse(KeyD), AppIdD);
        var sealedMessage = crypto.EncryptAndSign(HostileXml.ExternalEntity, P2Timestamp, P2Nonce);
        var account = new OfficialAccount(new OfficialAccountSettings(TokenD, AppIdD, KeyD));
        var query = new CallbackQuery { MsgSignature = sealedMessage.Signature, Timestamp = P2Timestamp, Nonce = P2Nonce, EncryptType = "aes" };

        var result = account.ReadPost(query, Bytes.Utf8($"<xml><Encrypt>{sealedMessage.Encrypt}</Encrypt></xml>"));

        Assert.That(result.Error, Is.EqualTo(ChannelError.DtdProhibited));
        Assert.That(result.Reason, Does.StartWith("the decrypted message"));
    }

    [TestCase("<xml><ToUserName>gh</ToUserName>", ChannelError.MalformedXml)]
    [TestCase("{\"ToUserName\":\"gh\"}", ChannelError.MalformedXml)]
    [TestCase("<xml><FromUserName>o</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType></xml>", ChannelError.MissingField)]
    [TestCase("<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>soon</CreateTime><MsgType>text</MsgType></xml>", ChannelError.BadField)]
    [TestCase("<xml><ToUserName>gh</ToUserName><FromUserName>o</FromUserName><CreateTime>99999999999999999</CreateTime><MsgType>text</MsgType></xml>", ChannelError.BadField)]
    public void Bad_bodies_are_values(string body, ChannelError expected)
    {
        var result = Plain.ReadPost(PlainQuery(), Bytes.Utf8(body));
        Assert.That(result.Error, Is.EqualTo(expected));
        Assert.That(result.Reason, Is.Not.Empty);
    }

    [Test]
    public void Plain_reply_swaps_to_and_from()
    {
        var account = new OfficialAccount(new OfficialAccountSettings(TokenD, AppIdD), FixedTime.AtUnix(1714037060));
        var inbound = Plain.ReadPost(PlainQuery(), Bytes.Utf8(PlainXml)).Value!;

        string reply = account.BuildTextReply(inbound, "收到 ]]> 3份");

        Assert.That(reply, Is.EqualTo(
            "<xml><ToUserName><![CDATA[oUser1]]></ToUserName><FromUserName><![CDATA[gh_97417a04a28d]]></FromUserName>" +
            "<CreateTime>1714037060</CreateTime><MsgType><![CDATA[text]]></MsgType>" +
            "<Content><![CDATA[收到 ]]]]><![CDATA[> 3份]]></Content></xml>"));
        Assert.That(FlatXml.Parse(reply).Value!["Content"], Is.EqualTo("收到 ]]> 3份"));
    }

    [Test]
    public void Reply_drops_characters_xml_cannot_carry()
    {
        var inbound = Plain.ReadPost(PlainQuery(), Bytes.Utf8(PlainXml)).Value!;
        string reply = Plain.BuildTextReply(inbound, "a\u0001b\uD800c😀\td");
        Assert.That(FlatXml.Parse(reply).Value!["Content"], Is.EqualTo("abc😀\td"));
    }

    [Test]
    public void G1_encrypted_reply_is_exact()
    {
        // G1's plaintext is the reply to zhangsan from wx5823bf96d3bd56c7 at 1700000000, encrypted with Key A.
        var account = new OfficialAccount(new OfficialAccountSettings(TokenA, ReceiveIdA, KeyA),
            FixedTime.AtUnix(G1Timestamp), FixedRandom.Ascii(G1Random));
        var inbound = new WeChatInbound(new WeChatMessage(ReceiveIdA, "zhangsan", 1699999999, "text", "hi", "1", null, null), WeChatMode.Safe, G1Nonce);

        string reply = account.BuildTextReply(inbound, "你好，世界");

        Assert.That(reply, Is.EqualTo(
            $"<xml><Encrypt><![CDATA[{G1Encrypt}]]></Encrypt><MsgSignature><![CDATA[{G1Signature}]]></MsgSignature>" +
            $"<TimeStamp>1700000000</TimeStamp><Nonce><![CDATA[{G1Nonce}]]></Nonce></xml>"));
    }

    [Test]
    public void Encrypted_reply_round_trips_through_the_crypto()
    {
        var account = new OfficialAccount(new OfficialAccountSettings(V6Token, V6AppId, KeyC), FixedTime.AtUnix(1409735670));
        var inbound = account.ReadPost(V6Query(), SafeBody()).Value!;

        var wrapper = FlatXml.Parse(account.BuildTextReply(inbound, "已登记：3号楼201 2份")).Value!;

        Assert.That(wrapper["TimeStamp"], Is.EqualTo("1409735670"));
        Assert.That(wrapper["Nonce"], Is.EqualTo(V6Nonce));
        var crypto = new MessageCrypto(V6Token, EncodingAesKey.Parse(KeyC), V6AppId);
        var decrypted = crypto.VerifyAndDecrypt(wrapper["MsgSignature"], wrapper["TimeStamp"], wrapper["Nonce"], wrapper["Encrypt"]);
        var inner = FlatXml.Parse(decrypted.Message!).Value!;
        Assert.That(inner["ToUserName"], Is.EqualTo("oyORnuP8q7ou2gfYjqLzSIWZf0rs"));
        Assert.That(inner["FromUserName"], Is.EqualTo("gh_10f6c3c3ac5a"));
        Assert.That(inner["Content"], Is.EqualTo("已登记：3号楼201 2份"));
    }

    [Test]
    public void Long_reply_splits_to_the_passive_reply_limit()
    {
        string text = string.Concat(Enumerable.Range(1, 200).Select(i => $"{i}. 3号楼{i:000}室 王 2份\n"));
        var chunks = OfficialAccount.SplitReply(text);
        Assert.That(chunks.Count, Is.GreaterThan(1));
        Assert.That(chunks.All(c => System.Text.Encoding.UTF8.GetByteCount(c) <= WeChatLimits.PassiveReplyMaxBytes && c.EndsWith('\n')));
        Assert.That(string.Concat(chunks), Is.EqualTo(text));
    }

    [Test]
    public void Settings_never_print_secrets()
    {
        string text = new OfficialAccountSettings(TokenB, AppIdD, KeyB).ToString();
        Assert.That(text, Does.Not.Contain(TokenB).And.Not.Contain(KeyB));
    }

    [Test]
    public void A_bad_key_fails_at_construction()
    {
        Assert.Throws<ArgumentException>(() => _ = new OfficialAccount(new OfficialAccountSettings(TokenD, AppIdD, "short")));
        Assert.Throws<ArgumentException>(() => _ = new OfficialAccount(new OfficialAccountSettings("", AppIdD)));
    }
}
