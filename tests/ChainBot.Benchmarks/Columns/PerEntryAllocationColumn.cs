using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>Bytes allocated per entry: MemoryDiagnoser's bytes per operation divided by the entries one operation reads.</summary>
/// <param name="entriesPerOperation">How many entries one operation parses.</param>
internal sealed class PerEntryAllocationColumn(int entriesPerOperation) : IColumn
{
    public string Id => nameof(PerEntryAllocationColumn);

    public string ColumnName => "B/entry";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Managed bytes allocated per entry parsed (Allocated / entries per operation)";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null)
            return "NA";
        long bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? -1;
        return bytes < 0 ? "NA" : (bytes / (double)entriesPerOperation).ToString("F0", CultureInfo.InvariantCulture);
    }
}
