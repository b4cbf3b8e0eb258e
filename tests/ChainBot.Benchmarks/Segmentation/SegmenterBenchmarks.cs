using ChainBot.Benchmarks.Columns;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using ChainBot.Core.Segmentation;

namespace ChainBot.Benchmarks.Segmentation;

/// <summary>
/// Segmentation throughput over the parity corpus (2,209 lines of chain text, chatter, English and symbol soup):
/// one operation cuts every line once with the span API, reusing one token list. Compare the MB/s column with
/// <c>/usr/bin/python3 tests/ChainBot.Benchmarks/Segmentation/jieba_baseline.py</c> (jieba <c>lcut(HMM=False)</c>
/// over the same lines).
/// </summary>
/// <remarks>
/// Run: <c>dotnet run -c Release --project tests/ChainBot.Benchmarks -- --filter '*SegmenterBenchmarks*'</c>.
/// A short job (1 launch, 3 warm-ups, 10 iterations) keeps the run to about a minute.
/// </remarks>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class SegmenterBenchmarks
{
    private string[] _lines = [];
    private Segmenter _jieba = null!;
    private Segmenter _domain = null!;
    private readonly List<Token> _tokens = new(1024);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(BenchmarkJobs.Short.WithWarmupCount(3).WithIterationCount(10));
            AddColumn(new ThroughputColumn(SegmentationInputs.CorpusUtf8Bytes, "corpus text cut"));
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _lines = SegmentationInputs.CorpusLines();
        _jieba = new Segmenter(WordDictionary.Load(SegmentationInputs.JiebaDictionaryPath));
        _domain = Segmenter.Default;
    }

    /// <summary>Cuts the corpus with jieba's full dict.txt (349k words): the parity configuration.</summary>
    [Benchmark(Baseline = true)]
    public int CutCorpus_JiebaDict() => CutAll(_jieba);

    /// <summary>Cuts the corpus with the built-in domain lexicon: the configuration the parser runs with.</summary>
    [Benchmark]
    public int CutCorpus_DomainLexicon() => CutAll(_domain);

    private int CutAll(Segmenter segmenter)
    {
        int count = 0;
        foreach (string line in _lines)
        {
            _tokens.Clear();
            segmenter.Cut(line, _tokens);
            count += _tokens.Count;
        }
        return count;
    }
}
