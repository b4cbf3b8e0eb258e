using System.Collections.Immutable;
using System.Globalization;
using ChainBot.Core.Chains;
using static ChainBot.Core.Tests.Tally.TallyFixture;

namespace ChainBot.Core.Tests.Tally;

/// <summary>Quantities and money: summed as exact decimals, scale and all; an amount is price × quantity.</summary>
public class TallySumTests
{
    [TestCase(new[] { "1", "2.0", "0.5" }, "3.5")]
    [TestCase(new[] { "1", "2.0" }, "3.0")]
    [TestCase(new[] { "2.50", "1" }, "3.50")]
    [TestCase(new[] { "1", "2", "3" }, "6")]
    [TestCase(new[] { "1099511627776", "1" }, "1099511627777")]
    public void Quantities_sum_to_the_decimal_sum_scale_and_all(string[] quantities, string sum)
    {
        var tally = TallyOf(OneItem, quantities.Select((q, i) => Entry(Room("12", (301 + i).ToString(CultureInfo.InvariantCulture)), null, Bundles(Dec(q)))).ToArray());
        decimal naive = quantities.Select(Dec).Aggregate(0m, (a, b) => a + b);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Total.Items.Single().Quantity.ToString(CultureInfo.InvariantCulture), Is.EqualTo(sum));
            Assert.That(tally.Total.Items.Single().Quantity.ToString(CultureInfo.InvariantCulture), Is.EqualTo(naive.ToString(CultureInfo.InvariantCulture)));
            Assert.That(tally.Buildings.Single().Items.Single().Quantity.ToString(CultureInfo.InvariantCulture), Is.EqualTo(sum));
        });
    }

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

        var tally = TallyOf(catalogue, Entry(Room("12", "301"), "王", new ItemQuantity("土鸡蛋", Dec(quantity), "盒")));

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

        var tally = TallyOf(catalogue, entries);

        Assert.Multiple(() =>
        {
            Assert.That(tally.Total.Amount, Is.EqualTo(0.3m));
            Assert.That(tally.Total.Amount.ToString(CultureInfo.InvariantCulture), Is.EqualTo("0.3"));
        });
    }

    [Test]
    public void Amount_sums_every_priced_item_of_a_building()
    {
        var tally = TallyOf(ThreeItems,
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

        var tally = TallyOf(catalogue,
            Entry(Room("3", "201"), "陈", new ItemQuantity("鸡蛋", 1m, "盒"), new ItemQuantity("赠品", 4m, "个")));

        Assert.That(Rows(tally), Is.EqualTo(new[] { "-/3|1|鸡蛋=1盒;赠品=4个|25", "total|1|鸡蛋=1盒;赠品=4个|25" }));
    }
}
