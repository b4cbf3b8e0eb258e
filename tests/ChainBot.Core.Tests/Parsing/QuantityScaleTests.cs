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
}
