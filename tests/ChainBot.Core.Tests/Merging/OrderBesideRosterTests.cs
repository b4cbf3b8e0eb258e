using ChainBot.Core.Merging;

namespace ChainBot.Core.Tests.Merging;

/// <summary>
/// A coordinator who runs an order and a roster (配药登记) in one group at once: residents' order lines go to the
/// order even when the roster, which takes any household's line, holds their household; and the coordinator's bare
/// commands reach the chain they are meant for.
/// </summary>
public class OrderBesideRosterTests
{
    private const string Order = """
        #接龙
        4月20日 天林苑 蔬菜+鸡蛋团购
        ①蔬菜套餐 68元/份
        ②鸡蛋 30枚/盒 28元/盒
        截止：今晚8点
        例：12号楼 301 张三 蔬菜套餐1份

        1. 12号301 王阿姨 蔬菜套餐1份
        """;

    private const string Roster = """
        #接龙
        本周配药登记（周五统一去医院）
        例：12-301 张三 氨氯地平 2盒 医保卡已交

        1. 15-502 李 二甲双胍 3盒 医保卡已交
        """;

    private static GroupScript Group()
    {
        var group = new GroupScript();
        group.Post("tz", Order, at: "08:00");
        group.Post("tz", Roster, at: "10:00");
        return group;
    }

    [TestCase("3-201 陈 ①1")]
    [TestCase("3-201 陈 蔬菜套餐1份 ②2")]
    [TestCase("3号楼201 陈 鸡蛋两盒")]
    public void A_line_ordering_from_the_catalogue_goes_to_the_order(string line)
    {
        var group = Group();

        var result = group.Post("chen", line);

        Assert.That(result.Events.OfType<EntryAdded>().Single().Chain, Is.EqualTo(1), string.Join("; ", result.Events));
        Assert.That(group.Chain(2).Entries, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_household_on_the_roster_still_orders_in_the_order()
    {
        var group = Group();

        var result = group.Post("li", "15-502 李 蔬菜套餐2份");

        Assert.That(result.Events.OfType<EntryAdded>().Single().Chain, Is.EqualTo(1), string.Join("; ", result.Events));
        Assert.That(GroupScript.Dump(group.Chain(2)), Does.Contain("二甲双胍"));
        Assert.That(group.Chain(2).Entry(1).Changed, Is.Null);
    }

    [Test]
    public void A_medicine_line_goes_to_the_roster()
    {
        var group = Group();

        var result = group.Post("zhao", "8-101 赵 氨氯地平 2盒 医保卡已交");

        Assert.That(result.Events.OfType<EntryAdded>().Single().Chain, Is.EqualTo(2), string.Join("; ", result.Events));
    }

    [Test]
    public void Close_just_after_the_deadline_closes_the_order_not_the_roster()
    {
        var group = Group();

        group.Post("tz", "截止", at: "20:01");

        Assert.That(group.Chain(1).Closed, Is.True);
        Assert.That(group.Chain(2).Closed, Is.False);
    }

    [Test]
    public void Arrival_accept_and_export_are_about_the_order()
    {
        var group = Group();
        group.Post("tz", "截止", at: "20:01");
        group.Post("zhou", "7-1102 周 蔬菜套餐1份", at: "20:05");

        var accept = group.Post("tz", "接受", at: "20:10");
        var export = group.Post("tz", "导出", at: "20:12");
        var arrival = group.Post("tz", "到货", at: "21:00");

        Assert.That(accept.Events.OfType<LateAccepted>().Single(), Has.Property(nameof(LateAccepted.Chain)).EqualTo(1).And.Property(nameof(LateAccepted.Count)).EqualTo(1));
        Assert.That(export.Events.OfType<CommandReceived>().Single().Chain, Is.EqualTo(1));
        Assert.That(arrival.Events.OfType<Delivered>().Single().Chain, Is.EqualTo(1));
        Assert.That(group.Chain(2).Delivered, Is.Null);
    }
}
