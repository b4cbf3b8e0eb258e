using System.Collections.Immutable;

namespace ChainBot.Exports;

/// <summary>
/// One table of an export: a sheet of the workbook, or one CSV file. Its header row, its body rows, and an optional
/// total line kept apart so readers (and tests) can tell it from the rows it sums.
/// </summary>
/// <param name="Name">The sheet's name as the coordinator reads it (供应商订单, 分楼清单 12号楼); the writers make it valid.</param>
/// <param name="Title">A line above the table: the chain's title and what the table is.</param>
/// <param name="Columns">The header row.</param>
/// <param name="Rows">The body rows, each as wide as <paramref name="Columns"/>.</param>
/// <param name="Total">The total line, as wide as <paramref name="Columns"/>; null when the table has none.</param>
public sealed record ExportTable(
    string Name,
    string Title,
    ImmutableArray<string> Columns,
    ImmutableArray<ImmutableArray<ExportCell>> Rows,
    ImmutableArray<ExportCell>? Total);
