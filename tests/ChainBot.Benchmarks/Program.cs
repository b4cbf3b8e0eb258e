using BenchmarkDotNet.Running;
using ChainBot.Benchmarks.Parsing;

// `write-chain PATH [ENTRIES]` writes the generated chain the parse benchmarks read, for jieba_baseline.py and the
// CLI's whole-process measure; anything else goes to BenchmarkDotNet.
if (args is ["write-chain", var path, ..])
{
    int entries = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : ParseBenchmarks.Entries;
    File.WriteAllText(path, ChainGenerator.Generate(entries));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
