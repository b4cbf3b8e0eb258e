using System.Globalization;
using ChainBot.Core.Chains;
using ChainBot.Core.Compounds;
using ChainBot.Core.Tally;

namespace ChainBot.Cli.Output;

/// <summary>The per-zone section of the <c>tally</c> and <c>replay</c> reports, with <c>--compound</c>.</summary>
internal sealed partial class HumanChainWriter
{
    /// <summary>The compound whose zones the tally is rolled up to (<c>--compound</c>); null for none.</summary>
    public Compound? Compound { get; set; }

    /// <summary>
    /// A row per area and, indented under it, per group (营), then 未分区 where lines fall outside the file; the footer is
    /// the chain's total, which the zones add up to.
    /// </summary>
    private void WriteZoneTable(ChainKind kind, ChainTally tally)
    {
        if (Compound is null || tally.Total.Households == 0)
            return;
        var zoned = CompoundTally.Compute(Compound, tally);
        bool money = kind == ChainKind.Order;
        string[] columns = money ? ["Zone", "Households", "Items", "Amount"] : ["Zone", "Households", "Items"];
        var table = new ReportTable($"Zones ({Compound.Name}: {zoned.Areas.Length} areas, {zoned.Groups.Count()} groups)", columns,
            money ? new HashSet<int> { 1, 3 } : new HashSet<int> { 1 });
        void Add(string name, TallyTotal total)
        {
            string households = total.Households.ToString(CultureInfo.InvariantCulture);
            if (money)
                table.Add(name, households, ItemsText(total.Items), MoneyText(total.Amount));
            else
                table.Add(name, households, ItemsText(total.Items));
        }
        foreach (var area in zoned.Areas)
        {
            Add(area.Zone.Name, area.Total);
            foreach (var group in area.Parts)
                Add("  " + group.Zone.Name, group.Total);
        }
        if (zoned.Unzoned.Total.Households > 0)
            Add(CompoundTally.UnzonedName, zoned.Unzoned.Total);
        string all = zoned.Compound.Households.ToString(CultureInfo.InvariantCulture);
        table.Footer = money
            ? ["Total", all, ReportTable.Cell(ItemsText(zoned.Compound.Items)), MoneyText(zoned.Compound.Amount)]
            : ["Total", all, ReportTable.Cell(ItemsText(zoned.Compound.Items))];
        WriteTableOrNone(table, "Zones: none");
    }
}
