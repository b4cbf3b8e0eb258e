using ChainBot.Core.Replies;

namespace ChainBot.Core.Tests.Replies;

/// <summary><c>统计</c>: totals per item and building, what waits for the coordinator; money for coordinators only.</summary>
public class TallyReplyTests
{
    [Test]
    public void A_coordinator_gets_totals_per_item_and_building_with_money()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("tz", "统计"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
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
    public void A_resident_gets_the_same_quantities_without_money()
    {
        var group = Conversations.Vegetables();

        Assert.That(group.Say("wang", "@ChainBot 汇总"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
            共5户
            蔬菜套餐 7份
            按楼：
            3号楼 3户：4份
            12号楼 1户：1份
            15号楼 1户：2份
            需团长处理：无
            """));
    }

    [Test]
    public void A_configured_coordinator_who_did_not_open_the_chain_sees_money_too()
    {
        var group = Conversations.Vegetables("tz", "laozhou");

        Assert.That(group.Say("laozhou", "统计"), Does.Contain("蔬菜套餐 7份，¥476"));
    }

    [Test]
    public void What_waits_for_the_coordinator_is_counted_by_kind()
    {
        var group = Conversations.Vegetables();
        group.Post("zhao", Conversations.Chain("1. 12号301 王阿姨 2份", "2. 15-502 李 2份", "3. 3号楼201 陈先生 1份", "4. 3-1102 Amy 2份（放门口）", "5. 3号楼2单元601 蒋 1份", "6. 12号602 赵 1份", "7. 12号 903 周 2斤"));
        group.Post("zhou", "我也要2份");
        group.Post("liu", "7号1102 刘 1份", at: "20:10");

        Assert.That(group.Say("tz", "统计"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            已过截止时间 4月18日 20:00
            共6户
            蔬菜套餐 8份，¥544
            按楼：
            3号楼 3户：4份，¥272
            12号楼 2户：2份，¥136
            15号楼 1户：2份，¥136
            需团长处理4条：
            · 迟到待确认 1条（发「接受」计入）
            · 改别人的行 1次（未生效）
            · 没看懂的行 1条
            · 没法归到接龙的消息 1条
            """));
    }

    [Test]
    public void Several_items_are_a_line_each_with_the_sum_of_money_and_per_building_items()
    {
        var group = new ReplyScript("tz");
        group.Post("tz", Conversations.TwoItemHeader + "1.");
        group.Post("wang", Conversations.TwoItemHeader + "1. 12号301 王阿姨 A1");
        group.Post("li", Conversations.TwoItemHeader + "1. 12号301 王阿姨 A1\n2. 15-502 李 A2 B1");

        Assert.That(group.Say("tz", "统计"), Is.EqualTo("""
            【4月23日 虹梅花苑 肉蛋团购】
            截止时间 4月18日 21:00
            共2户
            猪肉 3份，¥114
            鸡蛋 1盒，¥26
            合计 ¥140
            按楼：
            12号楼 1户：猪肉 1份，¥38
            15号楼 1户：猪肉 2份，鸡蛋 1盒，¥102
            需团长处理：无
            """));
    }

    [Test]
    public void A_minimum_says_how_far_the_group_buy_is_from_going_ahead()
    {
        const string header = "#接龙\n光明牛奶团购\n光明纯牛奶 68元/箱，满30箱成团\n\n";
        var group = new ReplyScript("tz");
        group.Post("tz", header + "1. 3号楼201 陈先生 1箱");
        group.Post("wang", header + "1. 3号楼201 陈先生 1箱\n2. 12-301 王阿姨 2箱");

        Assert.That(group.Say("wang", "统计"), Does.Contain("光明纯牛奶 3箱\n满30箱成团，还差27箱\n"));
    }

    [Test]
    public void With_two_chains_open_each_is_summed_up_under_its_title_with_money_only_where_the_sender_runs_it()
    {
        var group = TwoChains();
        group.Post("sun", "3-402 孙 2"); // fits both chains: reported

        Assert.That(group.Say("tz", "统计"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
            共1户
            蔬菜套餐 1份，¥68
            按楼：
            12号楼 1户：1份，¥68
            需团长处理：无

            【4月19日 曹杨一村 砂糖橘团购】
            截止时间 4月20日 12:00
            共1户
            广西砂糖橘 2箱
            按楼：
            9号楼 1户：2箱
            需团长处理：无

            另有1条消息没法归到接龙，需团长处理
            """));
    }

    [Test]
    public void A_chain_that_ended_in_the_last_day_is_still_summed_up_beside_an_open_one()
    {
        var group = TwoChains();
        // The vegetable chain's deadline passed at 20:00; its 团长 asks for the totals to place the order.
        Assert.That(group.Say("tz", "统计", at: "20:05"), Does.StartWith("""
            【4月18日 天山三村 蔬菜套餐团购】
            已过截止时间 4月18日 20:00
            共1户
            蔬菜套餐 1份，¥68
            """));
    }

    [Test]
    public void No_chain_yet_is_said_plainly()
    {
        var group = new ReplyScript("tz");
        group.Post("wang", "大家好，明天有团购吗");

        Assert.That(group.Say("tz", "统计"), Is.EqualTo("群里还没有接龙。"));
    }

    [Test]
    public void A_chain_nobody_joined_yet_says_so()
    {
        var group = new ReplyScript("tz");
        group.Post("tz", Conversations.Header + "1.");

        Assert.That(group.Say("wang", "统计"), Is.EqualTo("""
            【4月18日 天山三村 蔬菜套餐团购】
            截止时间 4月18日 20:00
            还没有计入的接龙
            需团长处理：无
            """));
    }

    [Test]
    public void A_roster_counts_households_per_building_and_lists_what_was_asked_for()
    {
        const string header = "配药登记\n例：5号101 张三 药名 数量\n\n";
        var group = new ReplyScript("vol");
        group.Post("vol", header + "1. 15号302 刘阿姨 氨氯地平 2盒");
        group.Post("wang", header + "1. 15号302 刘阿姨 氨氯地平 2盒\n2. 12号301 王阿姨 二甲双胍 1盒");

        Assert.That(group.Say("vol", "统计"), Is.EqualTo("""
            【配药登记】
            共2户
            氨氯地平 2盒
            二甲双胍 1盒
            按楼：
            12号楼 1户
            15号楼 1户
            需团长处理：无
            """));
    }

    internal static ReplyScript TwoChains()
    {
        const string fruit = "#接龙\n4月19日 曹杨一村 砂糖橘团购\n广西砂糖橘 5斤/箱 45元/箱\n截止：4月20日中午12点\n\n";
        var group = new ReplyScript(); // no configured coordinator: each chain's opener runs it
        group.Post("tz", Conversations.Header + "1.");
        group.Post("fruit", fruit + "1.");
        group.Post("wang", Conversations.Chain("1. 12号301 王阿姨 1份"));
        group.Post("amy", fruit + "1. 9号402 Amy 2箱");
        return group;
    }
}
