namespace ChainBot.Core.Tests.Segmentation;

/// <summary>Finds files committed next to the tests, from wherever the test assembly runs.</summary>
internal static class TestFiles
{
    /// <summary>The parity corpus written by gen_corpus.py.</summary>
    public static string ParityCorpus => Find("tests/ChainBot.Core.Tests/Segmentation/parity_corpus.txt");

    /// <summary>The corpus's lines: split on "\n" only, as the Python side would, so every other char stays in its line.</summary>
    public static string[] ParityCorpusLines()
    {
        string text = File.ReadAllText(ParityCorpus);
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"{relative} not found above {TestContext.CurrentContext.TestDirectory}.");
    }
}
