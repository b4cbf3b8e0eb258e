using System.Text;

namespace ChainBot.Benchmarks.Segmentation;

/// <summary>
/// The inputs the segmentation benchmarks share with the parity test and with jieba_baseline.py: jieba's
/// dict.txt and the committed parity corpus, so the C# and Python figures are over the same bytes.
/// </summary>
internal static class SegmentationInputs
{
    /// <summary>jieba's dictionary; override with CHAINBOT_JIEBA_DICT.</summary>
    public static string JiebaDictionaryPath =>
        Environment.GetEnvironmentVariable("CHAINBOT_JIEBA_DICT") is { Length: > 0 } path
            ? path
            : "/usr/lib/python3/dist-packages/jieba/dict.txt";

    /// <summary>The parity corpus; override with CHAINBOT_SEG_CORPUS.</summary>
    public static string CorpusPath =>
        Environment.GetEnvironmentVariable("CHAINBOT_SEG_CORPUS") is { Length: > 0 } path
            ? path
            : FindAbove(AppContext.BaseDirectory, "tests/ChainBot.Core.Tests/Segmentation/parity_corpus.txt");

    /// <summary>The corpus lines, split on "\n" only (as the Python baseline splits them).</summary>
    public static string[] CorpusLines()
    {
        string text = File.ReadAllText(CorpusPath, Encoding.UTF8);
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>UTF-8 size of the corpus lines without their newlines: the bytes one benchmark operation cuts.</summary>
    public static long CorpusUtf8Bytes() => CorpusLines().Sum(l => (long)Encoding.UTF8.GetByteCount(l));

    private static string FindAbove(string start, string relative)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {start}; set CHAINBOT_SEG_CORPUS.");
    }
}
