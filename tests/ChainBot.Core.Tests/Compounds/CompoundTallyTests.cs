using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Compounds;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Tests.Compounds;

/// <summary>
/// The roll-up of a chain's tally: building → group (营) → area (片区) → compound, with buildings the file does not
/// place kept under 未分区 — so the zones always add up to the chain's total.
/// </summary>
public class CompoundTallyTests
{
    private static BuildingTally Row(string? area, string? building, int households, decimal bundles, decimal eggs = 0) =>
        new(area, building, households,
            [.. new[] { new ItemQuantity("蔬菜套餐", bundles, "份"), new ItemQuantity("鸡蛋", eggs, "盒") }.Where(item => item.Quantity > 0)],
            bundles * 68m + eggs * 25.5m);

    private static ChainTally Tally(params BuildingTally[] rows)
    {
        var items = rows.SelectMany(row => row.Items).GroupBy(item => (item.Item, item.Unit))
            .Select(g => new ItemQuantity(g.Key.Item, g.Sum(item => item.Quantity), g.Key.Unit)).ToImmutableArray();
        return new ChainTally([.. rows], new TallyTotal(rows.Sum(row => row.Households), items, rows.Sum(row => row.Amount)));
    }

    [Test]
    public void Buildings_roll_up_to_their_group_and_area_in_the_files_order()
    {
        var rolled = CompoundTally.Compute(CompoundFiles.Small(), Tally(
            Row("一区", "3", 1, 1), Row(null, "2", 2, 3, eggs: 1), Row("一区", "4", 1, 2), Row("三区", "12", 3, 3)));

        var one = rolled.Of(new Zone(ZoneLevel.Group, "一营"))!;
        Assert.That(one.Buildings.Select(b => b.Building), Is.EqualTo(new[] { "2", "3" }), "the file's order");
        Assert.That(one.Total, Is.EqualTo(new TallyTotal(3, [new("蔬菜套餐", 4, "份"), new("鸡蛋", 1, "盒")], 4 * 68m + 25.5m)).Using<TallyTotal>(SameTotal));
        Assert.That(one.Leader, Is.EqualTo(new Leader("李营长", "wxid_lead_1")));
        var area = rolled.Of(new Zone(ZoneLevel.Area, "一区"))!;
        Assert.That(area.Total.Households, Is.EqualTo(4));
        Assert.That(area.Total.Amount, Is.EqualTo(6 * 68m + 25.5m));
        Assert.That(area.Parts.Select(p => p.Zone.Name), Is.EqualTo(new[] { "一营", "二营" }));
        Assert.That(rolled.Areas[1].Total.Households, Is.EqualTo(3));
        Assert.That(rolled.Unzoned.Total.Households, Is.Zero);
    }

    [Test]
    public void A_written_area_tells_buildings_of_one_number_apart_and_a_bare_number_they_share_stays_unzoned()
    {
        // The small compound has a building 1 in 一区 and in 三区; building 12 only in 三区.
        var rolled = CompoundTally.Compute(CompoundFiles.Small(), Tally(
            Row("一区", "1", 1, 1), Row("三区", "1", 2, 2), Row(null, "1", 4, 4), Row(null, "12", 8, 8), Row("一区", "12", 16, 16)));

        Assert.That(rolled.Of(new Zone(ZoneLevel.Group, "一营"))!.Total.Households, Is.EqualTo(1));
        Assert.That(rolled.Of(new Zone(ZoneLevel.Group, "三营"))!.Total.Households, Is.EqualTo(2 + 8));
        Assert.That(rolled.Unzoned.Buildings.Select(b => (b.Area, b.Building)), Is.EqualTo(new (string?, string?)[] { (null, "1"), ("一区", "12") }));
        Assert.That(rolled.Unzoned.Zone.Name, Is.EqualTo("未分区"));
    }

    [Test]
    public void Lines_without_a_building_and_buildings_the_file_does_not_list_are_kept_under_unzoned()
    {
        var rolled = CompoundTally.Compute(CompoundFiles.Small(), Tally(Row(null, "99", 1, 1), Row("二期", "2", 1, 1), Row(null, null, 2, 2)));

        Assert.That(rolled.Unzoned.Total.Households, Is.EqualTo(4));
        Assert.That(rolled.Unzoned.Total.Amount, Is.EqualTo(4 * 68m));
        Assert.That(rolled.Areas.Sum(a => a.Total.Households), Is.Zero);
    }

    [Test]
    public void Zones_add_up_to_the_compound_for_random_tallies()
    {
        var compound = CompoundFiles.Small();
        var random = new Random(20220418);
        string?[] areas = [null, "一区", "三区", "五区", "1区"];
        string?[] buildings = [null, "1", "2", "3", "4", "12", "99", "A3"];
        for (int run = 0; run < 500; run++)
        {
            var rows = new Dictionary<(string?, string?), BuildingTally>();
            for (int i = random.Next(0, 12); i > 0; i--)
            {
                var (area, building) = (areas[random.Next(areas.Length)], buildings[random.Next(buildings.Length)]);
                rows[(area, building)] = Row(area, building, random.Next(1, 40), random.Next(0, 30) + random.Next(0, 4) * 0.25m, random.Next(0, 5));
            }
            var tally = Tally([.. rows.Values]);

            var rolled = CompoundTally.Compute(compound, tally);

            var zones = rolled.Areas.Append(rolled.Unzoned).ToList();
            Assert.That(zones.Sum(z => z.Total.Households), Is.EqualTo(tally.Total.Households), $"run {run}: households");
            Assert.That(zones.Sum(z => z.Total.Amount), Is.EqualTo(tally.Total.Amount), $"run {run}: amount");
            foreach (var item in tally.Total.Items)
            {
                decimal sum = zones.SelectMany(z => z.Total.Items).Where(q => q.Item == item.Item && q.Unit == item.Unit).Sum(q => q.Quantity);
                Assert.That(sum, Is.EqualTo(item.Quantity), $"run {run}: {item.Item}");
            }
            foreach (var area in rolled.Areas)
            {
                Assert.That(area.Parts.Sum(g => g.Total.Households), Is.EqualTo(area.Total.Households), $"run {run}: {area.Zone.Name}'s groups");
                Assert.That(area.Parts.Sum(g => g.Total.Amount), Is.EqualTo(area.Total.Amount), $"run {run}: {area.Zone.Name}'s groups");
            }
            var placed = rolled.Groups.SelectMany(g => g.Buildings).Concat(rolled.Unzoned.Buildings).ToList();
            Assert.That(placed, Is.EquivalentTo(tally.Buildings), $"run {run}: every building once");
        }
    }

    private static bool SameTotal(TallyTotal a, TallyTotal b) =>
        a.Households == b.Households && a.Amount == b.Amount && a.Items.SequenceEqual(b.Items);
}
