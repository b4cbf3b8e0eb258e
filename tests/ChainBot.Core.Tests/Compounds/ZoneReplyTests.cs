using ChainBot.Core.Tests.Replies;

namespace ChainBot.Core.Tests.Compounds;

/// <summary>
/// <c>统计</c> in a compound run in levels (<see cref="Core.Replies.ReplyContext.Compound"/>): a zone's totals on
/// request, each leader's own level when they ask without naming one, the compound per area and group otherwise.
/// </summary>
public class ZoneReplyTests
{
    private static ReplyScript Group()
    {
        var group = new ReplyScript("tz") { Context = Core.Replies.ReplyContext.Default with { Compound = CompoundFiles.Small() } };
        group.Post("tz", Conversations.Header + "1.");
        group.Post("wang", Conversations.Chain(
            "1. 2号301 王阿姨 1份", "2. 3-502 李 2份", "3. 4号楼201 陈先生 1份", "4. 三区12号 1102 刘 2份", "5. 99号101 周 1份"));
        return group;
    }

    [Test]
    public void A_group_is_answered_with_its_totals_and_a_line_per_building()
    {
        Assert.That(Group().Say("tz", "统计 一营"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
            一营
            共2户
            蔬菜套餐 3份，¥204
            按楼：
            2号楼 1户：1份，¥68
            3号楼 1户：2份，¥136
            """));
    }

    [Test]
    public void An_area_is_asked_for_without_a_space_and_by_its_number_as_digits()
    {
        var group = Group();

        Assert.That(group.Say("wang", "统计一区"), Is.EqualTo(group.Say("wang", "统计 1区")));
        Assert.That(group.Say("wang", "统计一区"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
            一区（一营、二营）
            共3户
            蔬菜套餐 4份
            按楼：
            2号楼 1户：1份
            3号楼 1户：2份
            4号楼 1户：1份
            """));
    }

    [Test]
    public void An_unknown_zone_is_answered_with_the_zones_there_are()
    {
        Assert.That(Group().Say("wang", "统计 五营"), Is.EqualTo("""
            没有叫「五营」的分区。
            可以统计：一区（一营、二营）、三区（三营）
            """));
    }

    [Test]
    public void The_head_and_residents_get_the_compound_per_area_and_group_with_unzoned_lines_kept()
    {
        Assert.That(Group().Say("tz", "统计"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
            天山新村
            共5户
            蔬菜套餐 7份，¥476
            按分区：
            一区 3户：4份，¥272
            · 一营 2户：3份，¥204
            · 二营 1户：1份，¥68
            三区 1户：2份，¥136
            · 三营 1户：2份，¥136
            未分区 1户：1份，¥68（名单外的楼）
            需团长处理：无
            """));
    }

    [TestCase("wxid_lead_1", "统计 一营")]
    [TestCase("wxid_area_1", "统计 一区")]
    [TestCase("wxid_lead_2", "统计 二营")]
    [TestCase("wxid_head", "@ChainBot 汇总 天山新村")]
    [TestCase("someone", "统计 天山新村")]
    public void A_leader_who_asks_for_the_tally_gets_their_own_level(string sender, string same)
    {
        var group = Group();

        Assert.That(group.Say(sender, "统计"), Is.EqualTo(group.Say(sender, same)));
    }

    [Test]
    public void A_building_asked_for_after_the_tally_word_is_its_list()
    {
        var group = Group();

        Assert.That(group.Say("wang", "统计 3号楼"), Is.EqualTo(group.Say("wang", "3号楼")).And.Contains("李* 2份"));
    }

    [Test]
    public void A_building_volunteer_gets_their_buildings_list()
    {
        var group = Group();

        Assert.That(group.Say("wxid_vol_12", "统计"), Is.EqualTo(group.Say("wxid_vol_12", "12号楼")));
        Assert.That(group.Say("wxid_vol_12", "统计"), Does.Contain("刘*"));
    }

    [Test]
    public void Without_a_compound_a_zone_is_ignored_and_the_tally_is_per_building_as_ever()
    {
        var group = Group();
        string zoned = group.Say("tz", "统计 一营");
        group.Context = Core.Replies.ReplyContext.Default;

        Assert.That(group.Say("tz", "统计 一营"), Is.EqualTo(group.Say("tz", "统计")).And.Not.EqualTo(zoned));
        Assert.That(group.Say("tz", "统计"), Does.Contain("按楼：").And.Not.Contains("按分区"));
    }
}
