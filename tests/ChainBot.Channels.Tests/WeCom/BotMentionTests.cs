using ChainBot.Channels.WeCom;

namespace ChainBot.Channels.Tests.WeCom;

public class BotMentionTests
{
    [TestCase("@RobotA hello robot", "RobotA", "hello robot")]
    [TestCase("@RobotA\u2005统计", "RobotA", "统计")]
    [TestCase("@RobotA", "RobotA", "")]
    [TestCase("  @RobotA  3号楼", "RobotA", "3号楼")]
    [TestCase("@RobotA\n#接龙\n1. 王 1份", "RobotA", "#接龙\n1. 王 1份")]
    [TestCase("@RobotAB hello", "RobotA", "@RobotAB hello")]
    [TestCase("@张三 2份", "RobotA", "@张三 2份")]
    [TestCase("hello @RobotA", "RobotA", "hello @RobotA")]
    [TestCase("@接龙助手 统计", "接龙助手", "统计")]
    [TestCase("@接龙 助手 统计", "接龙 助手", "统计")]
    [TestCase("@RobotA hello", null, "hello")]
    [TestCase("@接龙助手\u2005我的", null, "我的")]
    [TestCase("hello", null, "hello")]
    [TestCase("", null, "")]
    public void Leading_mention_of_the_bot_is_removed(string text, string? botName, string expected)
    {
        Assert.That(BotMention.Strip(text, botName), Is.EqualTo(expected));
    }
}
