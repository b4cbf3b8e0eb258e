using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Segmentation;

/// <summary>
/// MB/s of UTF-8 input: the corpus's UTF-8 bytes (one operation cuts every line once) divided by the mean
/// time of an operation, with MB = 10^6 bytes — the figure jieba_baseline.py prints for Python's jieba.
/// </summary>
internal sealed class ThroughputColumn : IColumn
{
    private readonly Lazy<long> _bytes = new(SegmentationInputs.CorpusUtf8Bytes);

    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Throughput: MB (10^6 bytes) of UTF-8 corpus text cut per second, from the mean";

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
