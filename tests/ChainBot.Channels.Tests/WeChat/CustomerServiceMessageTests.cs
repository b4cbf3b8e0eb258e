using System.Text.Json;
using ChainBot.Channels.Api;
using ChainBot.Channels.WeChat;

namespace ChainBot.Channels.Tests.WeChat;

public class CustomerServiceMessageTests
{
    [Test]
    public void Text_body_is_the_documented_json()
    {
        Assert.That(CustomerServiceMessage.TextBody("OPENID", "Hello"),
            Is.EqualTo("{\"touser\":\"OPENID\",\"msgtype\":\"text\",\"text\":{\"content\":\"Hello\"}}"));
    }

    [Test]
    public void Chinese_is_written_as_utf8_and_specials_are_escaped()
    {
        string body = CustomerServiceMessage.TextBody("o1", "统计\n\"3号楼\" \\ <b>");
        Assert.That(body, Is.EqualTo("{\"touser\":\"o1\",\"msgtype\":\"text\",\"text\":{\"content\":\"统计\\n\\\"3号楼\\\" \\\\ <b>\"}}"));
        Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("text").GetProperty("content").GetString(), Is.EqualTo("统计\n\"3号楼\" \\ <b>"));
    }

    [TestCase(0, ApiAction.Done)]
    [TestCase(-1, ApiAction.Retry)]
    [TestCase(40001, ApiAction.RefreshTokenThenRetry)]
    [TestCase(40014, ApiAction.RefreshTokenThenRetry)]
    [TestCase(42001, ApiAction.RefreshTokenThenRetry)]
    [TestCase(45009, ApiAction.WaitThenRetry)]
    [TestCase(45015, ApiAction.GiveUp)]
    [TestCase(45047, ApiAction.WaitForUser)]
    [TestCase(44004, ApiAction.GiveUp)]
    [TestCase(40164, ApiAction.GiveUp)]
    [TestCase(99999, ApiAction.GiveUp)]
    public void Errcodes_are_classified_per_the_table(int errcode, ApiAction expected)
    {
        var outcome = WeChatErrorCodes.Classify(errcode);
        Assert.That(outcome.Action, Is.EqualTo(expected));
        Assert.That(outcome.Meaning, Is.Not.Empty);
        Assert.That(outcome.RetryAfter is not null, Is.EqualTo(expected == ApiAction.WaitThenRetry));
    }
}
