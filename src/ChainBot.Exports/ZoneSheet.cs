using System.Collections.Immutable;
using ChainBot.Core.Compounds;
using ChainBot.Core.Tally;

namespace ChainBot.Exports;

/// <summary>
/// 分区汇总: a chain's totals per group of buildings (营) and per area (片区), for a compound run in levels — a row per
/// group, then its area's subtotal, then 未分区 (buildings the compound file does not list), and a total line equal to
/// the supplier's order.
/// </summary>
internal static class ZoneSheet
{
    /// <summary>The label of an area's subtotal row, in the group column.</summary>
    public const string AreaTotalLabel = "片区小计";

    /// <summary>The table of <paramref name="zoned"/>.</summary>
    public static ExportTable Build(CompoundTally zoned, string title)
    {
        var items = zoned.Compound.Items.Select(static item => (item.Item, item.Unit)).ToList();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<ExportCell>>();
        foreach (var area in zoned.Areas)
        {
            foreach (var group in area.Parts)
                rows.Add(Row(area.Zone.Name, group.Zone.Name, group.Total, items));
            rows.Add(Row(area.Zone.Name, AreaTotalLabel, area.Total, items));
        }
        if (zoned.Unzoned.Total.Households > 0)
            rows.Add(Row(CompoundTally.UnzonedName, null, zoned.Unzoned.Total, items));
        var columns = new List<string> { "片区", "营", "户数" };
        columns.AddRange(items.Select(static item => $"{item.Item}（{item.Unit}）"));
        columns.Add("金额（元）");
        return new ExportTable(
            ExportTableBuilder.ZonesName,
            title + " · " + ExportTableBuilder.ZonesName,
            [.. columns],
            rows.ToImmutable(),
            Row(ExportTableBuilder.TotalLabel, null, zoned.Compound, items));
    }

    /// <summary>The buildings zone by zone, in the compound file's order; 未分区 last, in the tally's order.</summary>
    public static ImmutableArray<BuildingTally> InZoneOrder(CompoundTally zoned) =>
        [.. zoned.Groups.SelectMany(static group => group.Buildings), .. zoned.Unzoned.Buildings];

    private static ImmutableArray<ExportCell> Row(string area, string? group, TallyTotal total, List<(string Item, string Unit)> items)
    {
        var row = ImmutableArray.CreateBuilder<ExportCell>();
        row.Add(ExportCell.Of(area));
        row.Add(ExportCell.Of(group));
        row.Add(ExportCell.Of((decimal)total.Households));
        foreach (var (item, unit) in items)
        {
            var sum = total.Items.FirstOrDefault(q => q.Item == item && q.Unit == unit);
            row.Add(sum.Item is null ? ExportCell.Empty : ExportCell.Of(sum.Quantity));
        }
        row.Add(ExportCell.Of(total.Amount));
        return row.ToImmutable();
    }
}
