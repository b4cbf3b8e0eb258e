using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ChainBot.Benchmarks.Columns;
using ChainBot.Benchmarks.Segmentation;
using ChainBot.Core;
using ChainBot.Core.Parsing;
using ChainBot.Core.Tally;

namespace ChainBot.Benchmarks.Parsing;

/// <summary>
/// Parse + tally of a generated chain of <see cref="Entries"/> varied entries (about 1.8 MB): the whole post held
/// (<see cref="ChainText.Parse"/>, as the bot does with a message) and streamed (<see cref="ChainParser.Open"/>, as
/// the CLI does with a file), each totalled with the tally engine. Compare the MB/s column with
/// <c>jieba_baseline.py</c> run on the same text (<c>dotnet run -c Release --project tests/ChainBot.Benchmarks -- write-chain chain.txt</c>).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class ParseBenchmarks
{
    public const int Entries = 40_000;

    private static readonly DateTimeOffset Time = new(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));

    private static readonly Lazy<string> Chain = new(() => ChainGenerator.Generate(Entries));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // The runtime's default GC (concurrent), and the batch setting the CLI runs with (not concurrent).
            AddJob(BenchmarkJobs.Short.WithId("ConcurrentGC"));
            AddJob(BenchmarkJobs.Short.WithGcConcurrent(false).WithId("BatchGC"));
            AddColumn(new ThroughputColumn(() => Encoding.UTF8.GetByteCount(Chain.Value), "chain text parsed and tallied"));
            AddColumn(new PerUnitAllocationColumn("entry", _ => Entries));
        }
    }

    private string _text = "";

    [GlobalSetup]
    public void Setup() => _text = Chain.Value;

    [Benchmark(Baseline = true)]
    public int ParseAndTally()
    {
        var post = ChainText.Parse(_text, Time);
        return ChainTally.Compute(post).Total.Households;
    }

    [Benchmark]
    public int StreamAndTally()
    {
        using var chain = ChainParser.Default.Open(new StringReader(_text), Time);
        var tally = new TallyBuilder(chain.Header.Catalogue);
        foreach (var entry in chain.ReadEntries())
            tally.Add(entry);
        return tally.Build().Total.Households;
    }
}
