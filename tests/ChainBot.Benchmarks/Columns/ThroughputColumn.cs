using System.Globalization;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>
/// MB/s of UTF-8 input: the bytes one operation reads divided by the mean time of an operation, with
/// MB = 10^6 bytes — the figure jieba_baseline.py prints for Python's jieba.
/// </summary>
/// <param name="bytesPerOperation">The UTF-8 bytes one operation of a benchmark case reads.</param>
/// <param name="input">What the bytes are, for the legend.</param>
internal sealed class ThroughputColumn(Func<BenchmarkCase, long> bytesPerOperation, string input)
    : CustomColumn("MB/s", 0, $"Throughput: MB (10^6 bytes) of UTF-8 {input} per second, from the mean")
{
    /// <summary>The same bytes for every case, computed once when first needed.</summary>
    public ThroughputColumn(Func<long> bytesPerOperation, string input)
        : this(new Lazy<long>(bytesPerOperation), input)
    {
    }

    private ThroughputColumn(Lazy<long> bytes, string input)
        : this(_ => bytes.Value, input)
    {
    }

    public override string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        TryGetMean(summary, benchmarkCase, out double nanoseconds)
            ? (bytesPerOperation(benchmarkCase) / 1e6 / (nanoseconds / 1e9)).ToString("F2", CultureInfo.InvariantCulture)
            : "NA";
}
