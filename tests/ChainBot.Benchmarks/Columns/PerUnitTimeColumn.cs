using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>
/// Microseconds per unit of input (<c>µs/line</c>): the mean time of an operation divided by the units it reads;
/// constant across input sizes when the work is linear in them.
/// </summary>
/// <param name="unit">The unit, singular: line, entry.</param>
/// <param name="unitsPerOperation">How many units one operation of a benchmark case reads.</param>
internal sealed class PerUnitTimeColumn(string unit, Func<BenchmarkCase, long> unitsPerOperation)
    : CustomColumn("µs/" + unit, 2, $"Mean time per {unit}, in microseconds (Mean divided by the {unit} count of one operation)")
{
    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        TryGetMean(summary, benchmarkCase, out double nanoseconds)
            ? (nanoseconds / 1e3 / unitsPerOperation(benchmarkCase)).ToString("F3", CultureInfo.InvariantCulture)
            : "NA";
}
