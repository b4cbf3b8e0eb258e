namespace ChainBot.Core.Tests.Replies;

/// <summary><c>台账 配药</c>, <c>台账</c>: the coordinator's standing lists, names shortened, no phone number.</summary>
public class LedgerReplyTests
{
    private const string Week1 = "#接龙\n4月19日 15号楼 每周配药登记\n例：1号101 张三 XX药 1盒\n\n";
    private const string Week2 = "#接龙\n4月26日 15号楼 每周配药登记\n例：1号101 张三 XX药 1盒\n\n";

    private static ReplyScript TwoWeeks()
    {
        var group = new ReplyScript("tz");
        group.Post("lao", Week1 + "1.", at: "08:00");
        group.Post("liu", Week1 + "1. 15号302 刘阿姨 氨氯地平 2盒 医保卡已交");
        group.Post("xu", Week1 + "1. 15号302 刘阿姨 氨氯地平 2盒 医保卡已交\n2. （代）15-201 张奶奶 硝苯地平 2盒 13812345678");
        group.Post("chen", Week1 + "1. 15号302 刘阿姨 氨氯地平 2盒 医保卡已交\n2. （代）15-201 张奶奶 硝苯地平 2盒 138****5678\n3. 3-601 陈先生 阿司匹林1盒");
        group.Post("lao", "截止");
        group.Post("lao", "#接龙\n3号楼 行动不便人员登记\n例：1号101 张三 坐轮椅\n\n1. 3-702 赵 坐轮椅 需送菜上门", at: "20:00");
        group.Post("lao", "截止");
        return group;
    }

    [Test]
    public void A_ledger_is_listed_per_building_with_names_shortened_and_no_phone()
    {
        var group = TwoWeeks();
        group.Post("liu", Week2 + "1. 15-302 刘阿姨 氨氯地平 2盒");
        group.Post("chen", "3-601 取消");

        Assert.That(group.Say("lao", "@ChainBot 台账 配药"), Is.EqualTo("""
            【配药台账】现登记2户，来自2次接龙；另有1户已取消
            15号楼：2户
            201 张** 硝苯地平 2盒（4月18日，代登记）
            302 刘** 氨氯地平 2盒（4月18日，第2次）
            """));
    }

    [Test]
    public void The_list_of_ledgers_comes_with_台账_alone_and_with_a_name_there_is_none_of()
    {
        var group = TwoWeeks();

        Assert.That(group.Say("tz", "台账"), Is.EqualTo("""
            本群的台账：
            配药 — 3户（1次接龙）
            行动不便 — 1户（1次接龙）
            发「台账 配药」看名单。
            """));
        Assert.That(group.Say("tz", "台账燃气"), Does.StartWith("没有「燃气」台账。\n本群的台账："));
        Assert.That(group.Say("tz", "台账 外出人员"), Does.StartWith("没有「外出人员」台账。"));
    }

    [Test]
    public void Only_a_coordinator_or_a_chains_opener_may_ask()
    {
        var group = TwoWeeks();

        Assert.That(group.Say("liu", "台账 配药"), Is.EqualTo("@liu\n台账只对团长开放哦。"));
        Assert.That(group.Say("tz", "台账 配药"), Does.StartWith("【配药台账】现登记3户"));
        Assert.That(group.Say("lao", "台账 行动不便"), Is.EqualTo("""
            【行动不便台账】现登记1户，来自1次接龙
            3号楼：1户
            702 赵* 坐轮椅 需送菜上门（4月18日）
            """));
    }

    [Test]
    public void A_group_without_ledgers_is_told_how_one_starts()
    {
        var group = new ReplyScript("tz");

        Assert.That(group.Say("tz", "台账"), Does.StartWith("本群还没有台账"));
    }

    [Test]
    public void A_ledger_from_settings_is_answered_too()
    {
        var group = new ReplyScript("tz") { Context = Core.Replies.ReplyContext.Default with { Ledgers = Core.Ledgers.LedgerCatalog.Default.With("核酸志愿者", "大白报名") } };
        group.Post("tz", "#接龙\n12号楼 大白报名\n例：1号101 张三\n\n1. 12-301 王阿姨 周末有空");

        Assert.That(group.Say("tz", "台账 核酸志愿者"), Is.EqualTo("""
            【核酸志愿者台账】现登记1户，来自1次接龙
            12号楼：1户
            301 王** 周末有空（4月18日）
            """));
    }
}
