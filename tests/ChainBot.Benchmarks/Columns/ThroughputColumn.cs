using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>
/// MB/s of UTF-8 input: the bytes one operation reads divided by the mean time of an operation, with
/// MB = 10^6 bytes — the figure jieba_baseline.py prints for Python's jieba.
/// </summary>
/// <param name="bytesPerOperation">The UTF-8 bytes one operation reads, computed once when first needed.</param>
/// <param name="input">What the bytes are, for the legend.</param>
internal sealed class ThroughputColumn(Func<long> bytesPerOperation, string input) : IColumn
{
    private readonly Lazy<long> _bytes = new(bytesPerOperation);

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Throughput: MB (10^6 bytes) of UTF-8 {input} per second, from the mean";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var stats = summary[benchmarkCase]?.ResultStatistics;
        if (stats is null || stats.Mean <= 0)
            return "NA";
        double seconds = stats.Mean / 1e9;
        return (_bytes.Value / 1e6 / seconds).ToString("F2", CultureInfo.InvariantCulture);
    }
}
