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
    [TestCase("到货", BotCommandKind.Deliver, null)]
    [TestCase("@ChainBot 到货了！", BotCommandKind.Deliver, null)]
    [TestCase("已领", BotCommandKind.PickUp, null)]
    [TestCase("已领取", BotCommandKind.PickUp, null)]
    [TestCase("12-301 已取", BotCommandKind.PickUp, "12-301")]
    [TestCase("12-301已领", BotCommandKind.PickUp, "12-301")]
    [TestCase("12号楼2单元301 已领", BotCommandKind.PickUp, "12号楼2单元301")]
    [TestCase("12号楼全部已领", BotCommandKind.PickUpBuilding, "12")]
    [TestCase("3栋都已领", BotCommandKind.PickUpBuilding, "3")]
    [TestCase("12号楼3单元全部已领", BotCommandKind.PickUpBuilding, "12-3")]
    [TestCase("未领", BotCommandKind.Uncollected, null)]
    [TestCase("3号楼未领", BotCommandKind.Uncollected, "3")]
    [TestCase("@ChainBot 3栋未领取", BotCommandKind.Uncollected, "3")]
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
    [TestCase("菜已领")]
    [TestCase("到货了吗")]
    [TestCase("什么时候到货")]
    [TestCase("王阿姨未领")]
    [TestCase("全部已领")]
    public void Anything_else_is_no_command(string text) => Assert.That(CommandReader.TryRead(text, out _), Is.False);
}
