using System.Collections.Immutable;

namespace ChainBot.Exports;

/// <summary>
/// What the export writes for one chain, as tables: the supplier's order, one list per building, the money due per
/// building, and the lines for the coordinator to check. Built by <see cref="ExportTableBuilder"/>; written by
/// <see cref="XlsxExportWriter"/> and <see cref="CsvExportWriter"/>.
/// </summary>
/// <param name="ChainTitle">The chain's title, or a stand-in when it has none.</param>
/// <param name="SupplierOrder">供应商订单: item, spec, unit, quantity, unit price, amount; a total line.</param>
/// <param name="Buildings">分楼清单: one table per building, in natural building order (zone by zone with a compound file).</param>
/// <param name="Payments">收款: per building, households and amount due; a total line.</param>
/// <param name="ToCheck">待核对: unread lines, conflicts, second lines, late lines not accepted.</param>
/// <param name="Zones">分区汇总: per group and area, households, items and amount; null without a compound file.</param>
public sealed record ExportTables(
    string ChainTitle,
    ExportTable SupplierOrder,
    ImmutableArray<ExportTable> Buildings,
    ExportTable Payments,
    ExportTable ToCheck,
    ExportTable? Zones = null)
{
    /// <summary>Every table in the workbook's order: order, zones (if any), buildings, payments, lines to check.</summary>
    public IEnumerable<ExportTable> All
    {
        get
        {
            yield return SupplierOrder;
            if (Zones is not null)
                yield return Zones;
            foreach (var building in Buildings)
                yield return building;
            yield return Payments;
            yield return ToCheck;
        }
    }
}
