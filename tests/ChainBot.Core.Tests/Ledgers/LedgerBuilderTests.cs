using ChainBot.Core.Chains;
using ChainBot.Core.Ledgers;
using ChainBot.Core.Tests.Merging;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Ledgers;

/// <summary>
/// The standing ledgers built from roster chains run week after week: the latest registration of each household
/// wins, every earlier one is kept, a cancellation ends the current one, and several groups make one ledger.
/// </summary>
public class LedgerBuilderTests
{
    private const string Week1 = "#接龙\n4月19日 15号楼 每周配药登记\n例：1号101 张三 XX药 1盒\n\n";
    private const string Week2 = "#接龙\n4月26日 15号楼 每周配药登记\n例：1号101 张三 XX药 1盒\n\n";

    private static GroupScript TwoWeeks()
    {
        var group = new GroupScript();
        group.Time = new DateTimeOffset(2022, 4, 19, 8, 0, 0, TimeSpan.FromHours(8));
        group.Post("tz", Week1 + "1.");
        group.Post("liu", Week1 + "1. 15号302 刘阿姨 氨氯地平 2盒 医保卡已交");
        group.Post("wang", Week1 + "1. 15号302 刘阿姨 氨氯地平 2盒 医保卡已交\n2. 15-502 王伯伯 二甲双胍 3盒");
        group.Post("tz", "截止");
        group.Time = new DateTimeOffset(2022, 4, 26, 8, 0, 0, TimeSpan.FromHours(8));
        group.Post("tz", Week2 + "1.");
        group.Post("liu", Week2 + "1. 15-302 刘阿姨 氨氯地平 2盒");
        group.Post("wang", Week2 + "1. 15-302 刘阿姨 氨氯地平 2盒\n2. 15号502 王伯伯 格列齐特 2盒");
        return group;
    }

    [Test]
    public void The_latest_registration_wins_and_the_earlier_ones_are_history_newest_first()
    {
        var ledger = LedgerBuilder.Build(TwoWeeks().State).Single();

        Assert.That(ledger.Name, Is.EqualTo("配药"));
        Assert.That(ledger.Chains, Is.EqualTo(2));
        var wang = ledger.Households.Single(h => h.Latest.Address.Room == "502");
        Assert.That(wang.Current!.Content, Is.EqualTo("格列齐特 2盒"));
        Assert.That(wang.Current.ChainNumber, Is.EqualTo(2));
        Assert.That(wang.History.Select(r => r.Content), Is.EqualTo(new[] { "二甲双胍 3盒" }));
        Assert.That(wang.Count, Is.EqualTo(2));
    }

    [Test]
    public void A_household_written_two_ways_is_one()
    {
        var ledger = LedgerBuilder.Build(TwoWeeks().State).Single();

        // 15号302 in the first week, 15-302 in the second.
        var liu = ledger.Households.Where(h => h.Latest.Address.Room == "302").ToList();
        Assert.That(liu, Has.Count.EqualTo(1));
        Assert.That(liu[0].Registrations.Select(r => r.Content), Is.EqualTo(new[] { "氨氯地平 2盒", "氨氯地平 2盒；医保卡已交" }));
        Assert.That(liu[0].Latest.Time, Is.GreaterThan(liu[0].History[0].Time));
    }

    [Test]
    public void A_cancellation_ends_the_current_registration_and_stays_in_the_history()
    {
        var group = TwoWeeks();
        group.Post("wang", "15号502 取消");

        var wang = LedgerBuilder.Build(group.State).Single().Households.Single(h => h.Latest.Address.Room == "502");

        Assert.That(wang.Current, Is.Null);
        Assert.That(wang.History.Select(r => r.Status), Is.EqualTo(new[] { EntryStatus.Cancelled, EntryStatus.Active }));
        Assert.That(wang.Count, Is.EqualTo(1), "the cancelled week's registration no longer counts");
    }

    [Test]
    public void A_registration_keeps_who_added_it_from_which_chain_and_message_and_on_whose_behalf()
    {
        var group = new GroupScript();
        group.Post("tz", Week1 + "1.");
        group.Post("xu", Week1 + "1. （代）15-201 张奶奶 硝苯地平 2盒 13812345678");

        var registration = LedgerBuilder.Build(group.State).Single().Households.Single().Current!;

        Assert.That(registration.OnBehalf, Is.True);
        Assert.That(registration.AddedBy, Is.EqualTo("xu"));
        Assert.That(registration.MsgId, Is.EqualTo("m2"));
        Assert.That(registration.ChainTitle, Is.EqualTo("4月19日 15号楼 每周配药登记"));
        Assert.That(registration.Phone, Is.EqualTo("13812345678"));
        Assert.That(registration.Content, Does.Not.Contain("13812345678"));
    }

    [Test]
    public void Several_groups_make_one_ledger_in_building_then_room_order()
    {
        var a = new GroupScript();
        a.Post("tz", "#接龙\n15号楼 外出人员登记\n例：1号101 张三 回老家\n\n1. 15号1102 孙 出差\n2. 15号402 李 探亲");
        var b = new GroupScript();
        b.Post("tz2", "#接龙\n9号楼 不在小区人员\n例：1号101 张三 回老家\n\n1. 9-1201 周 回老家\n2. 10-101 吴 出差");

        var ledger = LedgerBuilder.Build([new LedgerSource("g15", a.State), new LedgerSource("g9", b.State)]).Single();

        Assert.That(ledger.Name, Is.EqualTo("外出"));
        Assert.That(ledger.Households.Select(h => h.Latest.Household.Building + "-" + h.Latest.Household.Room),
            Is.EqualTo(new[] { "9-1201", "10-101", "15-402", "15-1102" }));
        Assert.That(ledger.Households.Select(h => h.Latest.GroupId), Is.EqualTo(new[] { "g9", "g9", "g15", "g15" }));
    }

    [Test]
    public void Order_chains_and_rosters_no_ledger_names_feed_none()
    {
        var group = new GroupScript();
        group.Post("tz", "#接龙\n4月18日 蔬菜套餐团购\n规格：68元/份\n例：12号 301 张三 2份\n\n1. 12号301 王阿姨 1份");
        group.Post("tz", "截止");
        group.Post("tz", "#接龙\n核酸志愿者报名\n例：1号101 张三\n\n1. 12号301 王阿姨");

        Assert.That(LedgerBuilder.Build(group.State), Is.Empty);
        Assert.That(LedgerBuilder.Build(group.State, LedgerCatalog.Default.With("核酸志愿者")).Single().Households, Has.Length.EqualTo(1));
    }

    [Test]
    public void The_sample_over_three_weeks_gives_three_ledgers()
    {
        var state = Samples.SampleTranscriptTests.Replay(Path.Combine(RepositoryPaths.TranscriptDirectory, "ledger.jsonl"));

        var ledgers = LedgerBuilder.Build(state);

        Assert.That(ledgers.Select(l => $"{l.Name}:{l.CurrentCount}/{l.Households.Length}"),
            Is.EqualTo(new[] { "配药:4/5", "行动不便:2/2", "外出:2/2" }));
        var medicine = ledgers[0];
        Assert.That(medicine.Households.Select(h => h.Latest.Address.Room), Is.EqualTo(new[] { "201", "302", "502", "601", "901" }));
        Assert.That(medicine.Households.Single(h => h.Latest.Address.Room == "601").Current, Is.Null, "陈 cancelled in the second week");
    }
}
