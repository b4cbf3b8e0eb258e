using System.Globalization;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Parsing;

/// <summary>
/// A quantity is kept as it was written or converted (3 or 3.0), whatever the lines before it held: the reader's cache
/// of one-item orders once gave 5#1202's 3斤 the 3.0 of an earlier 1.5kg, because 3 and 3.0 are equal decimals.
/// </summary>
public class QuantityScaleTests
{
    [Test]
    public void An_equal_quantity_written_otherwise_keeps_its_own_scale()
    {
        string text = "前腿肉 22元/斤\n\n1. 3号楼201 陈先生 前腿肉1.5kg\n2. 5#1202 何 前腿肉 3斤\n3. 5#1203 周 前腿肉3.0斤";

        var entries = ChainText.Parse(text, SpecExample.MessageTime).Entries;

        Assert.That(entries.Select(e => e.Items.Single().Quantity.ToString(CultureInfo.InvariantCulture)),
            Is.EqualTo(new[] { "3.0", "3", "3.0" }));
    }

    [Test]
    public void Entries_ordering_the_same_items_keep_each_their_own_quantities()
    {
        // Lines that order the same combination share one array of items: each line must still get its own.
        string text = "鸡蛋 25元/盒\n牛奶 68元/箱\n\n1. 1-101 王 鸡蛋1 牛奶2\n2. 1-102 李 鸡蛋1 牛奶2.0\n3. 1-103 陈 牛奶2 鸡蛋1"
            + "\n4. 1-104 周 鸡蛋1 牛奶2\n5. 1-105 吴 鸡蛋2 牛奶1";

        var entries = ChainText.Parse(text, SpecExample.MessageTime).Entries;

        Assert.That(entries.Select(e => string.Join(" ", e.Items.Select(i => i.Item + i.Quantity.ToString(CultureInfo.InvariantCulture)))),
            Is.EqualTo(new[] { "鸡蛋1 牛奶2", "鸡蛋1 牛奶2.0", "牛奶2 鸡蛋1", "鸡蛋1 牛奶2", "鸡蛋2 牛奶1" }));
    }
}
