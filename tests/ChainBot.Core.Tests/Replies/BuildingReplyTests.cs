namespace ChainBot.Core.Tests.Replies;

/// <summary><c>3号楼</c>: one building's list, rooms in order, names shortened, no phone, no note, no cancelled line.</summary>
public class BuildingReplyTests
{
    [Test]
    public void A_building_s_list_has_rooms_in_order_shortened_names_and_quantities()
    {
        var group = Conversations.Vegetables();
        group.Post("liu", "3号楼15室 刘 1份"); // room 15 comes before 201

        Assert.That(group.Say("wang", "3号楼"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            3号楼：4户，5份
            15 刘* 1份
            201 陈** 1份
            1102 A** 2份
            2单元601 蒋* 1份
            """));
    }

    [Test]
    public void The_coordinator_s_list_carries_the_building_s_money()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("tz", "15号楼"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            15号楼：1户，2份，¥136
            502 李* 2份
            """));
    }

    [Test]
    public void One_entrance_of_a_building()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("wang", "3号楼2单元"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            3号楼2单元：1户，1份
            601 蒋* 1份
            """));
    }

    [Test]
    public void A_late_line_is_listed_and_marked_but_not_counted()
    {
        var group = Conversations.Vegetables();
        group.Post("zhou", "3-402 周 1份", at: "20:31");

        Assert.That(group.Say("wang", "3栋"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            3号楼：3户，4份
            201 陈** 1份
            402 周* 1份（迟到，待团长确认）
            1102 A** 2份
            2单元601 蒋* 1份
            """));
    }

    [Test]
    public void A_building_nobody_in_has_joined()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("wang", "9号楼"), Is.EqualTo("【4月18日 天山三村 蔬菜套餐团购】9号楼还没有人接龙。"));
    }

    [Test]
    public void With_two_chains_the_building_is_listed_in_each_it_has_lines_in()
    {
        var group = TallyReplyTests.TwoChains();
        group.Post("chen", "12-602 陈 砂糖橘1箱");

        Assert.That(group.Say("wang", "12号楼"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            12号楼：1户，1份
            301 王** 1份

            【4月19日 曹杨一村 砂糖橘团购】
            12号楼：1户，1箱
            602 陈* 1箱
            """));
    }

    [Test]
    public void Parts_of_a_compound_are_listed_apart()
    {
        var group = new ReplyScript("tz");
        group.Post("tz", Conversations.Header + "1. 一区3号201 王阿姨 1份");
        group.Post("li", Conversations.Chain("1. 一区3号201 王阿姨 1份", "2. 二区3号 502 李 2份"));

        Assert.That(group.Say("wang", "3号楼"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            一区3号楼：1户，1份
            201 王** 1份
            二区3号楼：1户，2份
            502 李* 2份
            """));
    }
}
