using System.Text;
using System.Text.Json;
using ChainBot.Channels.Api;
using ChainBot.Channels.Tests.Support;
using ChainBot.Channels.WeCom;

namespace ChainBot.Channels.Tests.WeCom;

public class WeComRobotTests
{
    [Test]
    public void Text_body_with_mentions()
    {
        Assert.That(WeComRobot.TextBody("3号楼 已统计", ["wangqing", WeComRobot.MentionAll], ["13800001111"]),
            Is.EqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"3号楼 已统计\",\"mentioned_list\":[\"wangqing\",\"@all\"],\"mentioned_mobile_list\":[\"13800001111\"]}}"));
    }

    [Test]
    public void Text_body_without_mentions_leaves_the_lists_out()
    {
        Assert.That(WeComRobot.TextBody("hi"), Is.EqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}"));
        Assert.That(WeComRobot.TextBody("hi", []), Is.EqualTo("{\"msgtype\":\"text\",\"text\":{\"content\":\"hi\"}}"));
    }

    [Test]
    public void Markdown_body()
    {
        Assert.That(WeComRobot.MarkdownBody("**统计**\n<@wangqing>"),
            Is.EqualTo("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**统计**\\n<@wangqing>\"}}"));
    }

    [Test]
    public void Content_over_the_limit_is_refused()
    {
        string atLimit = new string('中', 682) + "ab"; // 2046 + 2 = 2048 bytes
        Assert.That(Encoding.UTF8.GetByteCount(atLimit), Is.EqualTo(2048));
        Assert.DoesNotThrow(() => WeComRobot.TextBody(atLimit));
        Assert.Throws<ArgumentException>(() => WeComRobot.TextBody(atLimit + "c"));
        Assert.DoesNotThrow(() => WeComRobot.MarkdownBody(atLimit + atLimit));
        Assert.Throws<ArgumentException>(() => WeComRobot.MarkdownBody(atLimit + atLimit + "c"));
    }

    [Test]
    public void Long_text_becomes_several_bodies_with_the_mentions_on_the_first()
    {
        string line = new string('楼', 100) + "\n"; // 301 bytes
        string text = string.Concat(Enumerable.Repeat(line, 20)); // 6020 bytes

        var bodies = WeComRobot.TextBodies(text, ["zhangsan"]);

        Assert.That(bodies, Has.Count.EqualTo(4)); // 6 lines (1806 bytes) a message
        var contents = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("text")).ToList();
        Assert.That(string.Concat(contents.Select(c => c.GetProperty("content").GetString())), Is.EqualTo(text));
        Assert.That(contents.All(c => Encoding.UTF8.GetByteCount(c.GetProperty("content").GetString()!) <= WeComLimits.RobotTextMaxBytes));
        Assert.That(contents[0].TryGetProperty("mentioned_list", out _), Is.True);
        Assert.That(contents.Skip(1).Any(c => c.TryGetProperty("mentioned_list", out _)), Is.False);
    }

    [Test]
    public void Long_markdown_becomes_several_bodies()
    {
        string text = string.Concat(Enumerable.Repeat("| 3号楼 | 12 | ¥816 |\n", 300));
        var bodies = WeComRobot.MarkdownBodies(text);
        var contents = bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("markdown").GetProperty("content").GetString()!).ToList();
        Assert.That(contents.Count, Is.GreaterThan(1));
        Assert.That(contents.All(c => Encoding.UTF8.GetByteCount(c) <= WeComLimits.RobotMarkdownMaxBytes && c.EndsWith('\n')));
        Assert.That(string.Concat(contents), Is.EqualTo(text));
    }

    [Test]
    public void A_single_over_long_line_is_cut_without_breaking_characters()
    {
        string text = string.Concat(Enumerable.Repeat("😀中", 700)); // 4900 bytes, no line feed
        var contents = WeComRobot.TextBodies(text).Select(b => JsonDocument.Parse(b).RootElement.GetProperty("text").GetProperty("content").GetString()!).ToList();
        Assert.That(string.Concat(contents), Is.EqualTo(text));
        Assert.That(contents.All(c => !char.IsHighSurrogate(c[^1]) && !char.IsLowSurrogate(c[0])));
    }

    [TestCase(0, ApiAction.Done)]
    [TestCase(-1, ApiAction.Retry)]
    [TestCase(93000, ApiAction.GiveUp)]
    [TestCase(45009, ApiAction.WaitThenRetry)]
    [TestCase(40058, ApiAction.GiveUp)]
    [TestCase(40008, ApiAction.GiveUp)]
    [TestCase(44004, ApiAction.GiveUp)]
    [TestCase(12345, ApiAction.GiveUp)]
    public void Robot_errcodes_are_classified(int errcode, ApiAction expected)
    {
        Assert.That(WeComErrorCodes.ClassifyRobot(errcode).Action, Is.EqualTo(expected));
    }

    [Test]
    public void Robot_rate_limit_waits_a_minute()
    {
        var response = ApiResponse.Parse(Bytes.Utf8("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")).Value!;
        var outcome = WeComErrorCodes.ClassifyRobot(response.ErrCode);
        Assert.That(outcome.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(60)));
    }

    [TestCase(0, ApiAction.Done)]
    [TestCase(-1, ApiAction.Retry)]
    [TestCase(40014, ApiAction.RefreshTokenThenRetry)]
    [TestCase(42001, ApiAction.RefreshTokenThenRetry)]
    [TestCase(40001, ApiAction.GiveUp)]
    [TestCase(45009, ApiAction.WaitThenRetry)]
    [TestCase(81013, ApiAction.GiveUp)]
    public void App_api_errcodes_are_classified(int errcode, ApiAction expected)
    {
        Assert.That(WeComErrorCodes.ClassifyApi(errcode).Action, Is.EqualTo(expected));
    }
}
