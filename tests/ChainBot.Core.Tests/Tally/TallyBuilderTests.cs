using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using static ChainBot.Core.Tests.Tally.TallyFixture;

namespace ChainBot.Core.Tests.Tally;

/// <summary>
/// <see cref="TallyBuilder"/> over entries built by hand: cancellations, the items a row lists and their order, the
/// compound's totals, and counting on after a build. Households and money have files of their own.
/// </summary>
public class TallyBuilderTests
{
    [Test]
    public void A_cancelled_entry_counts_nowhere()
    {
        var tally = TallyOf(OneItem,
            Entry(Room("12", "301"), "王", Bundles(2)),
            Entry(Room("12", "302"), "李", Bundles(5)) with { Status = EntryStatus.Cancelled },
            Entry(Room("12", "301"), "王", Bundles(3)) with { Status = EntryStatus.Cancelled },
            Entry(Room("99", "101"), "赵", Bundles(1)) with { Status = EntryStatus.Cancelled },
            Entry(default, "Amy", Bundles(1)) with { Status = EntryStatus.Cancelled });

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/12|1|蔬菜套餐=2份|136", "total|1|蔬菜套餐=2份|136" }));
    }

    [Test]
    public void A_post_of_cancelled_entries_only_has_no_rows()
    {
        var tally = TallyOf(OneItem,
            Entry(Room("12", "301"), "王", Bundles(2)) with { Status = EntryStatus.Cancelled },
            Entry(Room("15", "301"), "李", []) with { Status = EntryStatus.Cancelled });

        Assert.Multiple(() =>
        {
            Assert.That(tally.Buildings, Is.Empty);
            Assert.That(tally.Total.Households, Is.Zero);
            Assert.That(tally.Total.Items, Is.Empty);
            Assert.That(tally.Total.Amount, Is.Zero);
        });
    }

    [Test]
    public void Items_are_listed_in_catalogue_order_whatever_order_entries_name_them()
    {
        var tally = TallyOf(ThreeItems,
            Entry(Room("3", "201"), "陈", new ItemQuantity("酸奶", 1m, "提")),
            Entry(Room("3", "202"), "周", new ItemQuantity("牛奶", 1m, "箱"), new ItemQuantity("鸡蛋", 1m, "盒")));

        Assert.Multiple(() =>
        {
            Assert.That(tally.Buildings.Single().Items.Select(i => i.Item), Is.EqualTo(new[] { "鸡蛋", "牛奶", "酸奶" }));
            Assert.That(tally.Total.Items.Select(i => i.Item), Is.EqualTo(new[] { "鸡蛋", "牛奶", "酸奶" }));
        });
    }

    [Test]
    public void Items_outside_the_catalogue_follow_it_in_the_order_first_seen()
    {
        var tally = TallyOf(ThreeItems,
            Entry(Room("3", "201"), "陈", new ItemQuantity("西瓜", 1m, "个")),
            Entry(Room("3", "202"), "周", new ItemQuantity("酸奶", 1m, "提"), new ItemQuantity("面包", 2m, "袋")),
            Entry(Room("3", "203"), "孙", new ItemQuantity("鸡蛋", 1m, "盒"), new ItemQuantity("西瓜", 1m, "个")));

        Assert.That(tally.Total.Items, Is.EqualTo(new[]
        {
            new ItemQuantity("鸡蛋", 1m, "盒"),
            new ItemQuantity("酸奶", 1m, "提"),
            new ItemQuantity("西瓜", 2m, "个"),
            new ItemQuantity("面包", 2m, "袋"),
        }));
    }

    [Test]
    public void A_building_lists_only_the_items_its_households_asked_for()
    {
        var tally = TallyOf(ThreeItems,
            Entry(Room("3", "201"), "陈", new ItemQuantity("酸奶", 1m, "提")),
            Entry(Room("5", "101"), "周", new ItemQuantity("鸡蛋", 2m, "盒")));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/3|1|酸奶=1提|20",
            "-/5|1|鸡蛋=2盒|50",
            "total|2|鸡蛋=2盒;酸奶=1提|70",
        }));
    }

    [Test]
    public void The_same_item_in_another_unit_is_its_own_line_and_is_not_priced()
    {
        var tally = TallyOf(ThreeItems,
            Entry(Room("3", "201"), "陈", new ItemQuantity("鸡蛋", 1m, "盒")),
            Entry(Room("3", "202"), "周", new ItemQuantity("鸡蛋", 10m, "个")));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/3|2|鸡蛋=1盒;鸡蛋=10个|25", "total|2|鸡蛋=1盒;鸡蛋=10个|25" }));
    }

    [Test]
    public void Items_are_matched_by_value_in_a_catalogue_of_a_hundred_items()
    {
        // More items than any fixed-size table the tally starts with, named by strings that are not the catalogue's.
        var catalogue = Enumerable.Range(0, 100)
            .Select(i => new CatalogueItem("商品" + i.ToString(CultureInfo.InvariantCulture), "份", i + 1))
            .ToImmutableArray();
        var tally = TallyOf(catalogue,
            Entry(Room("1", "101"), null, new ItemQuantity(Name(99), 2m, "份"), new ItemQuantity(Name(70), 1m, "份")),
            Entry(Room("1", "102"), null, new ItemQuantity(Name(0), 1m, "份"), new ItemQuantity(Name(99), 1m, "份")),
            Entry(Room("2", "101"), null, new ItemQuantity(Name(70), 1m, "份")));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/1|2|商品0=1份;商品70=1份;商品99=3份|372",
            "-/2|1|商品70=1份|71",
            "total|3|商品0=1份;商品70=2份;商品99=3份|443",
        }));

        static string Name(int i) => string.Concat("商品", i.ToString(CultureInfo.InvariantCulture));
    }

    [Test]
    public void A_roster_lists_what_was_asked_for_and_charges_nothing()
    {
        var tally = TallyOf([],
            Entry(Room("15", "302"), "刘阿姨", new ItemQuantity("氨氯地平", 2m, "盒")),
            Entry(Room("8", "1101"), "张老伯", new ItemQuantity("二甲双胍", 2m, "盒"), new ItemQuantity("氨氯地平", 1m, "盒")),
            Entry(Room("8", "1203"), "李", []));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/8|2|氨氯地平=1盒;二甲双胍=2盒|0",
            "-/15|1|氨氯地平=2盒|0",
            "total|3|氨氯地平=3盒;二甲双胍=2盒|0",
        }));
    }

    [Test]
    public void A_default_catalogue_is_a_roster()
    {
        var tally = TallyOf(default, Entry(Room("5", "102"), "王奶奶", new ItemQuantity("上门服务", 1m, "次")));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/5|1|上门服务=1次|0", "total|1|上门服务=1次|0" }));
    }

    [Test]
    public void Buildings_are_in_natural_order()
    {
        string[] written = ["10", "A12", "2", "B1", "A3", "1", "3", "21"];
        var tally = TallyOf(OneItem, written.Select(b => Entry(Room(b, "101"), null, Bundles(1))).ToArray());

        Assert.That(tally.Buildings.Select(b => b.Building), Is.EqualTo(new[] { "1", "2", "3", "10", "21", "A3", "A12", "B1" }));
    }

    [Test]
    public void Totals_are_the_sum_of_the_buildings()
    {
        // A deterministic mix: several buildings and areas, repeated households, cancellations, several items.
        var random = new Random(20220418);
        var entries = new List<ChainEntry>();
        string[] items = ["鸡蛋", "牛奶", "酸奶"];
        string[] units = ["盒", "箱", "提"];
        for (int i = 0; i < 500; i++)
        {
            string? area = random.Next(3) switch { 0 => null, 1 => "一区", _ => "二区" };
            string? building = random.Next(10) == 0 ? null : random.Next(1, 15).ToString(CultureInfo.InvariantCulture);
            string room = random.Next(1, 7).ToString(CultureInfo.InvariantCulture) + "0" + random.Next(1, 3).ToString(CultureInfo.InvariantCulture);
            int k = random.Next(3);
            var entry = Entry(new Address(area, building, null, building is null ? null : room), "住户" + room,
                new ItemQuantity(items[k], random.Next(1, 4) / 2m, units[k]));
            entries.Add(random.Next(8) == 0 ? entry with { Status = EntryStatus.Cancelled } : entry);
        }

        var tally = TallyOf(ThreeItems, [.. entries]);

        var summed = tally.Buildings.SelectMany(b => b.Items)
            .GroupBy(i => (i.Item, i.Unit))
            .ToDictionary(g => g.Key, g => g.Sum(i => i.Quantity));
        Assert.Multiple(() =>
        {
            Assert.That(tally.Buildings.Length, Is.GreaterThan(10));
            Assert.That(tally.Total.Households, Is.EqualTo(tally.Buildings.Sum(b => b.Households)));
            Assert.That(tally.Total.Amount, Is.EqualTo(tally.Buildings.Sum(b => b.Amount)));
            Assert.That(tally.Total.Items.ToDictionary(i => (i.Item, i.Unit), i => i.Quantity), Is.EquivalentTo(summed));
            // And against a tally computed here the slow way.
            var active = entries.Where(e => e.Status == EntryStatus.Active).ToList();
            Assert.That(tally.Total.Households, Is.EqualTo(active.Select(e => e.Household).Distinct().Count()));
            Assert.That(tally.Total.Amount, Is.EqualTo(active.SelectMany(e => e.Items)
                .Sum(i => i.Quantity * ThreeItems.Single(c => c.Name == i.Item).Price!.Value)));
        });
    }

    [Test]
    public void A_tally_of_no_entries_is_empty()
    {
        var tally = new TallyBuilder(ThreeItems).Build();

        Assert.Multiple(() =>
        {
            Assert.That(tally.Buildings, Is.Empty);
            Assert.That(tally.Total.Households, Is.Zero);
            Assert.That(tally.Total.Items, Is.Empty);
            Assert.That(tally.Total.Amount, Is.EqualTo(0m));
        });
    }

    [Test]
    public void Build_gives_the_totals_so_far_and_counting_can_go_on()
    {
        var builder = new TallyBuilder(OneItem);
        builder.Add(Entry(Room("12", "301"), "王", Bundles(1)));
        var first = builder.Build();
        builder.Add(Entry(Room("12", "302"), "李", Bundles(2)));
        builder.Add(Entry(Room("3", "101"), "陈", Bundles(1)));
        var second = builder.Build();

        Assert.Multiple(() =>
        {
            Assert.That(Rows(first), Is.EqualTo(new[] { "-/12|1|蔬菜套餐=1份|68", "total|1|蔬菜套餐=1份|68" }));
            Assert.That(Rows(second), Is.EqualTo(new[]
            {
                "-/3|1|蔬菜套餐=1份|68",
                "-/12|2|蔬菜套餐=3份|204",
                "total|3|蔬菜套餐=4份|272",
            }));
        });
    }

    [Test]
    public void Add_refuses_null()
    {
        var builder = new TallyBuilder(OneItem);
        Assert.Throws<ArgumentNullException>(() => builder.Add(null!));
    }
}
