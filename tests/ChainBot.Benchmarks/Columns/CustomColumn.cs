using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ChainBot.Benchmarks.Columns;

/// <summary>What the benchmarks' own columns share: a numeric column of the custom category, always shown.</summary>
/// <param name="columnName">The column's heading.</param>
/// <param name="priority">Its place among the custom columns.</param>
/// <param name="legend">What it means, for the legend under the table.</param>
internal abstract class CustomColumn(string columnName, int priority, string legend) : IColumn
{
    public string Id => GetType().Name + "." + columnName;

    public string ColumnName => columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => priority;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => legend;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public abstract string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style);

    /// <summary>The mean time of an operation in nanoseconds; false when the case has no result.</summary>
    protected static bool TryGetMean(Summary summary, BenchmarkCase benchmarkCase, out double nanoseconds)
    {
        nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean ?? 0;
        return nanoseconds > 0;
    }
}
