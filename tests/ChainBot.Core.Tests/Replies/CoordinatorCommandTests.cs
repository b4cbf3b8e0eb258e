namespace ChainBot.Core.Tests.Replies;

/// <summary><c>截止</c>, <c>接受</c>, <c>导出</c>, <c>帮助</c>: what is done, and polite refusals for who may not.</summary>
public class CoordinatorCommandTests
{
    [Test]
    public void Closing_says_so_and_gives_the_final_totals_with_money()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("tz", "@ChainBot 截止"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】已截止，之后再接的算迟到，团长发「接受」才计入。最终统计：
            共5户
            蔬菜套餐 7份，¥476
            按楼：
            3号楼 3户：4份，¥272
            12号楼 1户：1份，¥68
            15号楼 1户：2份，¥136
            需团长处理：无
            """));
    }

    [Test]
    public void Only_the_coordinator_may_close_and_a_resident_is_told_politely()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("wang", "截止"), Is.EqualTo("@wang\n只有团长可以截止接龙哦。"));
        Assert.That(group.State.Chain(1).Closed, Is.False);
    }

    [Test]
    public void Closing_twice_says_it_is_closed_already()
    {
        var group = Conversations.Vegetables();
        group.Post("tz", "截止");

        Assert.That(group.Say("tz", "截单"), Is.EqualTo("@tz\n【4月18日 天山三村 蔬菜套餐团购】已经截止了。"));
    }

    [Test]
    public void Accepting_late_lines_says_how_many_now_count()
    {
        var group = Conversations.Vegetables();
        group.Post("zhou", "7号1102 周 1份", at: "20:10");
        group.Post("he", "9-201 何 2份");

        Assert.That(group.Say("li", "接受"), Is.EqualTo("@li\n只有团长可以接受迟到的登记哦。"));
        Assert.That(group.Say("tz", "接受 7-1102"), Is.EqualTo("已接受7-1102的1条迟到登记，已计入统计。"));
        Assert.That(group.Say("tz", "接受"), Is.EqualTo("已接受1条迟到登记，已计入统计。"));
        Assert.That(group.Say("tz", "接受"), Is.EqualTo("没有待确认的迟到登记。"));
    }

    [Test]
    public void Export_is_honest_that_it_is_not_there_yet_and_is_for_coordinators()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("tz", "导出"), Is.EqualTo("@tz\n导出文件的功能还在开发中，暂时发不了文件。可以先发「统计」看汇总，发「3号楼」看各楼名单。"));
        Assert.That(group.Say("wang", "导出"), Is.EqualTo("@wang\n导出只对团长开放哦。"));
    }

    [Test]
    public void Help_lists_the_commands()
    {
        var group = new ReplyScript();

        Assert.That(group.Say("wang", "帮助"), Is.EqualTo("""
            接龙小助手，可以发：
            统计 — 各商品、各楼的数量
            3号楼 — 这栋楼的名单（也可以发 3号楼2单元）
            我的 — 看看我登记的内容
            截止 — 团长截止接龙
            接受 — 团长把迟到的登记计入
            到货 — 团长通知到货；领到后发「已领」，帮邻居发「12-301 已取」
            未领 — 还有谁没领（也可以发 3号楼未领）
            台账 配药 — 团长查看配药、行动不便、外出等登记的最新名单（发「台账」看有哪些）
            设为团长 @名字 — 团长再指定一位团长
            导出 — 团长导出订单（开发中）
            接龙照常复制加上自己的一行就行；改数量发「12-301 改2份」，不要了发「12-301 取消」。
            """));
    }

    [TestCase("截止")]
    [TestCase("接受")]
    [TestCase("导出")]
    [TestCase("3号楼")]
    [TestCase("我的")]
    public void Without_a_chain_every_command_says_there_is_none(string command)
    {
        var group = new ReplyScript("tz");

        Assert.That(group.Post("tz", command).Select(reply => reply.Text), Has.One.Contains("没有").And.Contains("接龙"));
    }
}
