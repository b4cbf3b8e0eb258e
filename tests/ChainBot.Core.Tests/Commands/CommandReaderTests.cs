using ChainBot.Core.Commands;

namespace ChainBot.Core.Tests.Commands;

public class CommandReaderTests
{
    [TestCase("统计", BotCommandKind.Tally, null)]
    [TestCase("@ChainBot 统计", BotCommandKind.Tally, null)]
    [TestCase("@团购助手\u2005汇总", BotCommandKind.Tally, null)]
    [TestCase("统计一下！", BotCommandKind.Tally, null)]
    [TestCase("统计 一营", BotCommandKind.Tally, "一营")]
    [TestCase("3号楼", BotCommandKind.Building, "3")]
    [TestCase("１２栋", BotCommandKind.Building, "12")]
    [TestCase("a3栋", BotCommandKind.Building, "A3")]
    [TestCase("3号楼统计", BotCommandKind.Building, "3")]
    [TestCase("3号楼2单元", BotCommandKind.Building, "3-2")]
    [TestCase("3栋2单元的", BotCommandKind.Building, "3-2")]
    [TestCase("3-2", BotCommandKind.Building, "3-2")]
    [TestCase("12-10", BotCommandKind.Building, "12-10")]
    [TestCase("12-3单元", BotCommandKind.Building, "12-3")]
    [TestCase("@ChainBot 12号3单元统计", BotCommandKind.Building, "12-3")]
    [TestCase("我的", BotCommandKind.Mine, null)]
    [TestCase("截止", BotCommandKind.Close, null)]
    [TestCase("截单。", BotCommandKind.Close, null)]
    [TestCase("导出", BotCommandKind.Export, null)]
    [TestCase("帮助", BotCommandKind.Help, null)]
    [TestCase("HELP", BotCommandKind.Help, null)]
    [TestCase("接受", BotCommandKind.Accept, null)]
    [TestCase("接受 12-301", BotCommandKind.Accept, "12-301")]
    [TestCase("设为团长 @李姐", BotCommandKind.Appoint, "李姐")]
    [TestCase("@ChainBot 设置团长 王阿姨", BotCommandKind.Appoint, "王阿姨")]
    public void Reads_a_command_that_is_the_whole_message(string text, BotCommandKind kind, string? argument)
    {
        Assert.That(CommandReader.TryRead(text, out var command), Is.True);
        Assert.That(command, Is.EqualTo(new BotCommand(kind, argument)));
    }

    [TestCase("统计好了吗")]
    [TestCase("3号楼502 不要了")]
    [TestCase("12号301 王阿姨 1份")]
    [TestCase("我的快递到了")]
    [TestCase("截止时间是几点？")]
    [TestCase("12号")]
    [TestCase("12-301")]
    [TestCase("3-2-301")]
    [TestCase("3号楼2单元601")]
    [TestCase("3号楼单元")]
    [TestCase("@ChainBot")]
    [TestCase("")]
    [TestCase("帮助一下邻居")]
    [TestCase("设为团长")]
    [TestCase("设为团长 @李姐 @王阿姨")]
    public void Anything_else_is_no_command(string text) => Assert.That(CommandReader.TryRead(text, out _), Is.False);
}
