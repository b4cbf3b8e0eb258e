using ChainBot.Core.Chains;
using static ChainBot.Core.Tests.Tally.TallyFixture;

namespace ChainBot.Core.Tests.Tally;

/// <summary>
/// Who counts as one household (户) and which building (楼) they count in: rooms, entrances, floors and names;
/// areas (一区, 东区) keep buildings of the same number apart.
/// </summary>
public class HouseholdTallyTests
{
    [Test]
    public void The_same_room_on_two_lines_is_one_household_with_its_quantities_summed()
    {
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
            Entry(default, "小王", Bundles(1)),
            Entry(default, "小王", Bundles(1)),
            Entry(default, "小王", Bundles(1)));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/-|1|蔬菜套餐=3份|204", "total|1|蔬菜套餐=3份|204" }));
    }

    [Test]
    public void Room_301_and_room_0301_are_different_households()
    {
        var tally = TallyOf(OneItem,
            Entry(Room("12", "301"), "王", Bundles(1)),
            Entry(Room("12", "0301"), "李", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [Test]
    public void Entrance_1_room_301_and_room_301_without_entrance_are_different_households()
    {
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
            Entry(new Address(null, new string("12"), Copy(entrance), new string(room)), "王", Bundles(1)),
            Entry(new Address(null, new string("12"), Copy(entrance), new string(room)), "王阿姨", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(1));
    }

    [Test]
    public void A_floor_only_entry_is_a_household_of_its_floor_and_name()
    {
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
            Entry(Floor("12", "3"), null, Bundles(1)),
            Entry(Room("12", "3"), null, Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [Test]
    public void A_building_with_no_room_counts_its_households_by_name()
    {
        var tally = TallyOf(OneItem,
            Entry(new Address(null, "7", null, null), "刘", Bundles(1)),
            Entry(new Address(null, "7", null, null), "刘", Bundles(1)),
            Entry(new Address(null, "7", null, null), "陈", Bundles(1)));

        Assert.That(tally.Buildings.Single().Households, Is.EqualTo(2));
    }

    [Test]
    public void Households_with_no_building_are_grouped_under_null_and_listed_last()
    {
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
            Entry(Room("12", "301"), "王", Bundles(1)),
            Entry(Room("15", "301"), "王", Bundles(1)));

        Assert.That(Rows(tally), Is.EqualTo(new[]
        {
            "-/12|1|蔬菜套餐=1份|68",
            "-/15|1|蔬菜套餐=1份|68",
            "total|2|蔬菜套餐=2份|136",
        }));
    }

    [Test]
    public void The_same_building_in_two_areas_is_two_buildings()
    {
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
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
        var tally = TallyOf(OneItem,
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
}
