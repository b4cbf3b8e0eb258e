using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Tally;

/// <summary>
/// <see cref="TallyBuilder"/> over entries built by hand, so each rule of the tally (households, buildings, money,
/// order) is pinned without going through the parser.
/// </summary>
public class TallyBuilderTests
{
    private static readonly CatalogueItem Bundle = new("蔬菜套餐", "份", 68m);

    private static readonly ImmutableArray<CatalogueItem> OneItem = [Bundle];

    private static readonly ImmutableArray<CatalogueItem> ThreeItems =
    [
        new("鸡蛋", "盒", 25m, Code: "A"),
        new("牛奶", "箱", 68m, Code: "B"),
        new("酸奶", "提", 20m, Code: "C"),
    ];

    // ---- households -------------------------------------------------------------------------------------------

    [Test]
    public void The_same_room_on_two_lines_is_one_household_with_its_quantities_summed()
    {
        var tally = Tally(OneItem,
            Entry(Room("12", "301"), "王阿姨", Bundles(1)),
            Entry(Room("12", "301"), "王", Bundles(2)));

        var row = tally.Buildings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Building, Is.EqualTo("12"));
            Assert.That(row.Households, Is.EqualTo(1));
            Assert.That(row.Items, Is.EqualTo(new[] { Bundles(3) }));
            Assert.That(row.Amount, Is.EqualTo(204m));
            Assert.That(tally.Total.Households, Is.EqualTo(1));
        });
    }

    [Test]
    public void The_same_named_household_without_an_address_on_three_lines_is_one_household()
    {
        var tally = Tally(OneItem,
            Entry(default, "小王", Bundles(1)),
            Entry(default, "小王", Bundles(1)),
            Entry(default, "小王", Bundles(1)));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/-|1|蔬菜套餐=3份|204", "total|1|蔬菜套餐=3份|204" }));
    }

    [Test]
    public void Room_301_and_room_0301_are_different_households()
    {
        var tally = Tally(OneItem,
            Entry(Room("12", "301"), "王", Bundles(1)),
            Entry(Room("12", "0301"), "李", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [Test]
    public void Entrance_1_room_301_and_room_301_without_entrance_are_different_households()
    {
        var tally = Tally(OneItem,
            Entry(new Address(null, "12", "1", "301"), "王", Bundles(1)),
            Entry(new Address(null, "12", null, "301"), "李", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    // Pairs of flats in one building that differ in some part of their address: never one household, however the
    // tally stores them (as packed numbers or as strings).
    [TestCase(null, "301", "1", "301")]
    [TestCase("1", "301", "2", "301")]
    [TestCase(null, "100301", "1", "301")]
    [TestCase("10", "301", "1", "0301")]
    [TestCase("1", "0", null, "100000")]
    [TestCase(null, "99999", "1", "0")]
    [TestCase("01", "301", "1", "301")]
    [TestCase("1", "99999", "2", "0")]
    public void Flats_that_differ_in_entrance_or_room_are_two_households(string? entranceA, string roomA, string? entranceB, string roomB)
    {
        var tally = Tally(OneItem,
            Entry(new Address(null, "12", entranceA, roomA), null, Bundles(1)),
            Entry(new Address(null, "12", entranceB, roomB), null, Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [TestCase(null, "301")]
    [TestCase("3", "1201")]
    [TestCase("1", "0301")]
    [TestCase(null, "B301")]
    [TestCase("999", "99999")]
    [TestCase("1000", "123456")]
    public void The_same_flat_written_twice_with_different_names_is_one_household(string? entrance, string room)
    {
        // New string instances each time: households are compared by value, not by reference.
        var tally = Tally(OneItem,
            Entry(new Address(null, new string("12"), Copy(entrance), new string(room)), "王", Bundles(1)),
            Entry(new Address(null, new string("12"), Copy(entrance), new string(room)), "王阿姨", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(1));
    }

    [Test]
    public void A_floor_only_entry_is_a_household_of_its_floor_and_name()
    {
        var tally = Tally(OneItem,
            Entry(Floor("12", "3"), "孙", Bundles(1)),
            Entry(Floor("12", "3"), "孙", Bundles(1)), // the same household again
            Entry(Floor("12", "3"), "李", Bundles(1)), // another name on the floor
            Entry(Floor("12", "4"), "孙", Bundles(1))); // the same name on another floor

        var row = tally.Buildings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Households, Is.EqualTo(3));
            Assert.That(row.Items, Is.EqualTo(new[] { Bundles(4) }));
        });
    }

    [Test]
    public void A_floor_only_household_is_not_the_room_of_the_same_number()
    {
        var tally = Tally(OneItem,
            Entry(Floor("12", "3"), null, Bundles(1)),
            Entry(Room("12", "3"), null, Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [Test]
    public void A_building_with_no_room_counts_its_households_by_name()
    {
        var tally = Tally(OneItem,
            Entry(new Address(null, "7", null, null), "刘", Bundles(1)),
            Entry(new Address(null, "7", null, null), "刘", Bundles(1)),
            Entry(new Address(null, "7", null, null), "陈", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [Test]
    public void Households_with_no_building_are_grouped_under_null_and_listed_last()
    {
        var tally = Tally(OneItem,
            Entry(default, "小王", Bundles(1)),
            Entry(Room("A3", "101"), null, Bundles(1)),
            Entry(default, "Amy", Bundles(2)),
            Entry(Room("2", "101"), null, Bundles(1)),
            Entry(default, "小王", Bundles(1)));

        Assert.Multiple(() =>
        {
            Assert.That(tally.Buildings.Select(b => b.Building), Is.EqualTo(new[] { "2", "A3", null }));
            Assert.That(tally.Buildings[^1].Households, Is.EqualTo(2));
            Assert.That(tally.Buildings[^1].Items, Is.EqualTo(new[] { Bundles(4) }));
        });
    }

    [Test]
    public void The_same_room_in_two_buildings_is_two_households()
    {
        var tally = Tally(OneItem,
            Entry(Room("12", "301"), "王", Bundles(1)),
            Entry(Room("15", "301"), "王", Bundles(1)));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/12|1|蔬菜套餐=1份|68",
            "-/15|1|蔬菜套餐=1份|68",
            "total|2|蔬菜套餐=2份|136",
        }));
    }

    // ---- areas ------------------------------------------------------------------------------------------------

    [Test]
    public void The_same_building_in_two_areas_is_two_buildings()
    {
        var tally = Tally(OneItem,
            Entry(new Address("一区", "12", null, "301"), "王", Bundles(1)),
            Entry(new Address("二区", "12", null, "301"), "陈", Bundles(2)),
            Entry(new Address("一区", "12", null, "301"), "王", Bundles(1)));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "一区/12|1|蔬菜套餐=2份|136",
            "二区/12|1|蔬菜套餐=2份|136",
            "total|2|蔬菜套餐=4份|272",
        }));
    }

    [Test]
    public void Buildings_are_ordered_by_area_then_naturally_by_building()
    {
        var tally = Tally(OneItem,
            Entry(new Address("二区", "3", null, "101"), null, Bundles(1)),
            Entry(new Address("一区", "12", null, "101"), null, Bundles(1)),
            Entry(new Address("一区", "3", null, "101"), null, Bundles(1)),
            Entry(new Address("二区", "12", null, "101"), null, Bundles(1)));

        Assert.That(tally.Buildings.Select(b => $"{b.Area}/{b.Building}"), Is.EqualTo(new[] { "一区/3", "一区/12", "二区/3", "二区/12" }));
    }

    [Test]
    public void Building_numbers_and_building_names_of_the_same_digits_in_other_forms_stay_apart()
    {
        // 12 is found by number; 012, A12 and 一区12 by name: none of them may land in 12's row.
        var tally = Tally(OneItem,
            Entry(Room("12", "301"), null, Bundles(1)),
            Entry(Room("012", "301"), null, Bundles(2)),
            Entry(Room("A12", "301"), null, Bundles(3)),
            Entry(new Address("一区", "12", null, "301"), null, Bundles(4)),
            Entry(Room(Copy("12")!, "302"), null, Bundles(5)));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/12|2|蔬菜套餐=6份|408",
            "-/012|1|蔬菜套餐=2份|136",
            "-/A12|1|蔬菜套餐=3份|204",
            "一区/12|1|蔬菜套餐=4份|272",
            "total|5|蔬菜套餐=15份|1020",
        }));
    }

    // ---- quantities -------------------------------------------------------------------------------------------

    [TestCase(new[] { "1", "2.0", "0.5" }, "3.5")]
    [TestCase(new[] { "1", "2.0" }, "3.0")]
    [TestCase(new[] { "2.50", "1" }, "3.50")]
    [TestCase(new[] { "1", "2", "3" }, "6")]
    [TestCase(new[] { "1099511627776", "1" }, "1099511627777")]
    public void Quantities_sum_to_the_decimal_sum_scale_and_all(string[] quantities, string sum)
    {
        var tally = Tally(OneItem, quantities.Select((q, i) => Entry(Room("12", (301 + i).ToString(CultureInfo.InvariantCulture)), null, Bundles(Dec(q)))).ToArray());
        decimal naive = quantities.Select(Dec).Aggregate(0m, (a, b) => a + b);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Total.Items.Single().Quantity.ToString(CultureInfo.InvariantCulture), Is.EqualTo(sum));
            Assert.That(tally.Total.Items.Single().Quantity.ToString(CultureInfo.InvariantCulture), Is.EqualTo(naive.ToString(CultureInfo.InvariantCulture)));
            Assert.That(tally.Buildings.Single().Items.Single().Quantity.ToString(CultureInfo.InvariantCulture), Is.EqualTo(sum));
        });
    }

    // ---- cancellations ----------------------------------------------------------------------------------------

    [Test]
    public void A_cancelled_entry_counts_nowhere()
    {
        var tally = Tally(OneItem,
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
        var tally = Tally(OneItem,
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

    // ---- money ------------------------------------------------------------------------------------------------

    [TestCase("12.8", "3", "38.4")]
    [TestCase("0.1", "3", "0.3")]
    [TestCase("35", "3.5", "122.5")]
    [TestCase("19.9", "0.5", "9.95")]
    [TestCase("68", "1", "68")]
    [TestCase("0.01", "7", "0.07")]
    [TestCase("45", "0", "0")]
    public void Amount_is_price_times_quantity_in_exact_decimal(string price, string quantity, string amount)
    {
        var catalogue = ImmutableArray.Create(new CatalogueItem("土鸡蛋", "盒", Dec(price)));

        var tally = Tally(catalogue, Entry(Room("12", "301"), "王", new ItemQuantity("土鸡蛋", Dec(quantity), "盒")));

        Assert.Multiple(() =>
        {
            Assert.That(tally.Buildings.Single().Amount, Is.EqualTo(Dec(amount)));
            Assert.That(tally.Total.Amount, Is.EqualTo(Dec(amount)));
        });
    }

    [Test]
    public void Amounts_summed_over_many_entries_stay_exact()
    {
        // 0.1 + 0.1 + 0.1 is 0.30000000000000004 in binary floating point; in decimal it is 0.3.
        var catalogue = ImmutableArray.Create(new CatalogueItem("葱", "把", 0.1m));
        var entries = Enumerable.Range(1, 3)
            .Select(i => Entry(Room("12", (300 + i).ToString(CultureInfo.InvariantCulture)), null, new ItemQuantity("葱", 1m, "把")))
            .ToArray();

        var tally = Tally(catalogue, entries);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Total.Amount, Is.EqualTo(0.3m));
            Assert.That(tally.Total.Amount.ToString(CultureInfo.InvariantCulture), Is.EqualTo("0.3"));
        });
    }

    [Test]
    public void Amount_sums_every_priced_item_of_a_building()
    {
        var tally = Tally(ThreeItems,
            Entry(Room("3", "201"), "陈", new ItemQuantity("鸡蛋", 2m, "盒"), new ItemQuantity("酸奶", 1m, "提")),
            Entry(Room("3", "402"), "周", new ItemQuantity("牛奶", 1m, "箱")));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/3|2|鸡蛋=2盒;牛奶=1箱;酸奶=1提|138",
            "total|2|鸡蛋=2盒;牛奶=1箱;酸奶=1提|138",
        }));
    }

    [Test]
    public void An_item_the_catalogue_does_not_price_adds_nothing_to_the_amount()
    {
        var catalogue = ImmutableArray.Create(new CatalogueItem("鸡蛋", "盒", 25m), new CatalogueItem("赠品", "个"));

        var tally = Tally(catalogue,
            Entry(Room("3", "201"), "陈", new ItemQuantity("鸡蛋", 1m, "盒"), new ItemQuantity("赠品", 4m, "个")));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/3|1|鸡蛋=1盒;赠品=4个|25", "total|1|鸡蛋=1盒;赠品=4个|25" }));
    }

    // ---- items ------------------------------------------------------------------------------------------------

    [Test]
    public void Items_are_listed_in_catalogue_order_whatever_order_entries_name_them()
    {
        var tally = Tally(ThreeItems,
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
        var tally = Tally(ThreeItems,
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
        var tally = Tally(ThreeItems,
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
        var tally = Tally(ThreeItems,
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
        var tally = Tally(catalogue,
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
        var tally = Tally([],
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
        var tally = Tally(default, Entry(Room("5", "102"), "王奶奶", new ItemQuantity("上门服务", 1m, "次")));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/5|1|上门服务=1次|0", "total|1|上门服务=1次|0" }));
    }

    // ---- order and totals ---------------------------------------------------------------------------------------

    [Test]
    public void Buildings_are_in_natural_order()
    {
        string[] written = ["10", "A12", "2", "B1", "A3", "1", "3", "21"];
        var tally = Tally(OneItem, written.Select(b => Entry(Room(b, "101"), null, Bundles(1))).ToArray());

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

        var tally = Tally(ThreeItems, [.. entries]);

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

    // ---- ChainTally.Compute -------------------------------------------------------------------------------------

    [Test]
    public void Compute_equals_a_builder_fed_the_same_entries()
    {
        ImmutableArray<ChainEntry> entries =
        [
            Entry(new Address("一区", "12", null, "301"), "王", new ItemQuantity("鸡蛋", 2m, "盒")),
            Entry(new Address("一区", "12", null, "301"), "王", new ItemQuantity("牛奶", 1m, "箱")),
            Entry(new Address(null, "3", "2", "601"), "蒋", new ItemQuantity("酸奶", 3m, "提")) with { Status = EntryStatus.Cancelled },
            Entry(Floor("8", "3"), "孙", new ItemQuantity("鸡蛋", 1m, "盒")),
            Entry(default, "Amy", new ItemQuantity("西瓜", 1m, "个")),
        ];
        var post = new ChainPost(ChainHeader.Empty with { Catalogue = ThreeItems }, entries, []);

        var builder = new TallyBuilder(ThreeItems);
        foreach (var entry in entries)
            builder.Add(entry);

        Assert.That(Rows(ChainTally.Compute(post)), Is.EqualTo(Rows(builder.Build())));
    }

    /// <summary>Every sample chain: the tally of its post equals a builder over its entries.</summary>
    public static IEnumerable<TestCaseData> SamplePaths() =>
        Directory.GetFiles(RepositoryPaths.SampleDirectory, "*.txt")
            .Where(p => !p.EndsWith(".expected.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(Path.GetFileName(p)).SetName("Compute_equals_builder_" + Path.GetFileNameWithoutExtension(p)));

    [TestCaseSource(nameof(SamplePaths))]
    public void Compute_equals_a_builder_over_a_parsed_sample(string file)
    {
        var post = ChainText.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.SampleDirectory, file)), SpecExample.MessageTime);
        var builder = new TallyBuilder(post.Header.Catalogue);
        foreach (var entry in post.Entries)
            builder.Add(entry);

        var computed = Rows(ChainTally.Compute(post));
        Assert.Multiple(() =>
        {
            Assert.That(post.Entries, Is.Not.Empty);
            Assert.That(computed, Is.EqualTo(Rows(builder.Build())));
        });
    }

    [Test]
    public void Compute_refuses_null() => Assert.Throws<ArgumentNullException>(() => ChainTally.Compute(null!));

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static ChainTally Tally(ImmutableArray<CatalogueItem> catalogue, params ChainEntry[] entries)
    {
        var builder = new TallyBuilder(catalogue);
        foreach (var entry in entries)
            builder.Add(entry);
        return builder.Build();
    }

    private static ChainEntry Entry(Address address, string? name, params ItemQuantity[] items) => new()
    {
        Address = address,
        Name = name,
        Items = [.. items],
        Line = $"{address} {name}",
    };

    private static Address Room(string building, string room) => new(null, building, null, room);

    private static Address Floor(string building, string floor) => new(null, building, null, null, floor);

    private static ItemQuantity Bundles(decimal quantity) => new(Bundle.Name, quantity, Bundle.Unit);

    private static decimal Dec(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    private static string? Copy(string? s) => s is null ? null : new string(s);

    /// <summary>
    /// <c>area/building|households|items|amount</c> per row, then <c>total|…</c>: ImmutableArray fields compare by
    /// reference in a record's Equals, so tallies are compared in this form.
    /// </summary>
    private static string[] Rows(ChainTally tally) =>
    [
        .. tally.Buildings.Select(b =>
            $"{b.Area ?? "-"}/{b.Building ?? "-"}|{b.Households}|{PostFormatter.FormatItems(b.Items)}|{PostFormatter.FormatNumber(b.Amount)}"),
        $"total|{tally.Total.Households}|{PostFormatter.FormatItems(tally.Total.Items)}|{PostFormatter.FormatNumber(tally.Total.Amount)}",
    ];
}
