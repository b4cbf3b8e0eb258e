using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using ChainBot.Core.Segmentation;

namespace ChainBot.Benchmarks.Segmentation;

/// <summary>
/// Loading jieba's dict.txt (349k words, 5 MB): the mean load time and the bytes allocated per load
/// (MemoryDiagnoser), plus two figures measured once, before the timed loads: the first, cold load (JIT included)
/// and the managed memory the loaded dictionary keeps (GC.GetTotalMemory(true) after minus before).
/// </summary>
/// <remarks>Run: <c>dotnet run -c Release --project tests/ChainBot.Benchmarks -- --filter '*DictionaryLoadBenchmarks*'</c>.</remarks>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class DictionaryLoadBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process, so that the cold-load and retained-memory columns (computed in the process that
            // prints the table) describe the process that ran the benchmark.
            AddJob(BenchmarkJobs.Short.WithWarmupCount(2).WithIterationCount(8).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(new LoadMeasureColumn("Cold load", m => $"{m.ColdMilliseconds:F0} ms"));
            AddColumn(new LoadMeasureColumn("Retained", m => $"{m.RetainedBytes / 1e6:F1} MB"));
        }
    }

    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = SegmentationInputs.JiebaDictionaryPath;
        // Measured here, before any timed load has warmed the JIT; the columns read the same cached figures.
        _ = LoadMeasure.Once;
    }

    [Benchmark]
    public int LoadJiebaDict() => WordDictionary.Load(_path).Count;

    /// <summary>One cold load: wall time, bytes allocated and what stays on the heap.</summary>
    internal sealed record LoadMeasure(double ColdMilliseconds, long AllocatedBytes, long RetainedBytes, int Words)
    {
        private static readonly Lazy<LoadMeasure> s_once = new(Measure);

        public static LoadMeasure Once => s_once.Value;

        private static LoadMeasure Measure()
        {
            string path = SegmentationInputs.JiebaDictionaryPath;
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetTotalMemory(forceFullCollection: true);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var dictionary = WordDictionary.Load(path);
            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            long after = GC.GetTotalMemory(forceFullCollection: true);
            int words = dictionary.Count;
            GC.KeepAlive(dictionary);
            return new LoadMeasure(watch.Elapsed.TotalMilliseconds, allocated, after - before, words);
        }
    }

    private sealed class LoadMeasureColumn(string name, Func<LoadMeasure, string> format) : IColumn
    {
        public string Id => $"{nameof(LoadMeasureColumn)}.{name}";

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => false;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => name == "Retained"
            ? "Managed memory the loaded dictionary keeps: GC.GetTotalMemory(true) after load minus before"
            : "Wall time of the first load in the process, JIT included";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
            => string.Create(CultureInfo.InvariantCulture, $"{format(LoadMeasure.Once)}");
    }
}
