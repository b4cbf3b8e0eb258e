using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>How many units (lines, messages) one operation reads, so that the per-unit columns can be checked.</summary>
/// <param name="heading">The column's heading: Lines, Messages.</param>
/// <param name="unitsPerOperation">How many units one operation of a benchmark case reads.</param>
internal sealed class UnitCountColumn(string heading, Func<BenchmarkCase, long> unitsPerOperation)
    : CustomColumn(heading, 3, $"{heading} one operation reads")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        unitsPerOperation(benchmarkCase).ToString("N0", CultureInfo.InvariantCulture);
}
