using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>
/// Bytes allocated per unit of input (<c>B/entry</c>, <c>B/line</c>): MemoryDiagnoser's bytes per operation divided
/// by the units one operation reads.
/// </summary>
/// <param name="unit">The unit, singular: entry, line.</param>
/// <param name="unitsPerOperation">How many units one operation of a benchmark case reads.</param>
internal sealed class PerUnitAllocationColumn(string unit, Func<BenchmarkCase, long> unitsPerOperation)
    : CustomColumn("B/" + unit, 1, $"Managed bytes allocated per {unit} (Allocated divided by the {unit} count of one operation)")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report is null)
            return "NA";
        long bytes = report.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) ?? -1;
        return bytes < 0 ? "NA" : (bytes / (double)unitsPerOperation(benchmarkCase)).ToString("F0", CultureInfo.InvariantCulture);
    }
}
