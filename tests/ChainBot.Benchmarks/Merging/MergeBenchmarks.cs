using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using ChainBot.Benchmarks.Columns;
using ChainBot.Benchmarks.Segmentation;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Parsing;

namespace ChainBot.Benchmarks.Merging;

/// <summary>
/// Replay of a generated group day (<see cref="GroupDayGenerator"/>: 2,000 messages in which the main chain grows to
/// 300 entries by full copies, about 48,500 lines, with two other chains interleaved) against parsing the same
/// messages without merging (the baseline: the Ratio column is replay time over parse time). The target is a replay
/// under 1 s.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="MainEntries"/> makes the main chain 150, 300 or 600 entries long (the rest of the day is the same).
/// Full copies make the lines of a day quadratic in the entries (n(n+1)/2 numbered lines); what must stay constant
/// is the time per line, the µs/line column. <see cref="ReplayMainChain"/> replays the main chain's posts alone,
/// so its µs/line is the merger's cost per copied line with nothing else in the day.
/// </para>
/// <para>
/// Run: <c>dotnet run -c Release --project tests/ChainBot.Benchmarks -- --filter '*MergeBenchmarks*'</c>; the day as a
/// transcript: <c>dotnet run -c Release --project tests/ChainBot.Benchmarks -- write-group-day day.jsonl</c>.
/// </para>
/// </remarks>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class MergeBenchmarks
{
    private static readonly ConcurrentDictionary<int, GroupDay> Days = new();

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(BenchmarkJobs.Short.WithWarmupCount(3).WithIterationCount(15));
            AddColumn(StatisticColumn.Min, StatisticColumn.Median);
            AddColumn(new UnitCountColumn("Lines", LinesOf));
            AddColumn(new PerUnitTimeColumn("line", LinesOf));
            AddColumn(new PerUnitAllocationColumn("line", LinesOf));
            AddColumn(new ThroughputColumn(BytesOf, "message text"));
        }
    }

    /// <summary>The main chain's final entry count.</summary>
    [Params(150, GroupDayGenerator.MainEntries, 600)]
    public int MainEntries { get; set; }

    private IncomingMessage[] _day = [];
    private IncomingMessage[] _mainChain = [];

    [GlobalSetup]
    public void Setup()
    {
        var day = DayOf(MainEntries);
        GroupDayCheck.Run(day).ThrowIfMainChainDiffers();
        _day = day.Incoming();
        _mainChain = day.PostsOf(GroupDay.MainChain);
        if (ReplayMainChain() != MainEntries)
            throw new InvalidOperationException("The main chain's posts alone do not replay to " + MainEntries + " entries.");
    }

    /// <summary>Parses every message of the day as a post, and merges nothing: the baseline.</summary>
    [Benchmark(Baseline = true)]
    public int ParseOnly()
    {
        int entries = 0;
        foreach (var message in _day)
            entries += ChainParser.Default.Parse(message.Text, message.Time).Entries.Length;
        return entries;
    }

    /// <summary>Replays the whole day from an empty group.</summary>
    [Benchmark]
    public int ReplayGroupDay() => ChainMerger.Default.Replay(_day).Chains.Sum(chain => chain.Entries.Count);

    /// <summary>Replays the main chain's posts alone (the first post and every full copy).</summary>
    [Benchmark]
    public int ReplayMainChain() => ChainMerger.Default.Replay(_mainChain).Chain(1).Entries.Count;

    private static GroupDay DayOf(int mainEntries) => Days.GetOrAdd(mainEntries, n => GroupDayGenerator.Generate(n));

    /// <summary>The messages one operation reads: the day's, or the main chain's posts.</summary>
    private static IEnumerable<DayMessage> MessagesOf(BenchmarkCase benchmarkCase)
    {
        var day = DayOf(Convert.ToInt32(benchmarkCase.Parameters[nameof(MainEntries)], CultureInfo.InvariantCulture));
        return benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ReplayMainChain) ? day.Posts(GroupDay.MainChain) : day.Messages;
    }

    private static long LinesOf(BenchmarkCase benchmarkCase) => GroupDay.LinesIn(MessagesOf(benchmarkCase));

    private static long BytesOf(BenchmarkCase benchmarkCase) => GroupDay.Utf8BytesIn(MessagesOf(benchmarkCase));
}
