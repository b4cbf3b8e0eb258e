using ChainBot.Core.Chains;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Samples;

/// <summary>
/// The realistic chains of <c>samples/chains/</c>: each <c>NAME.txt</c> is parsed as if posted at
/// <see cref="SpecExample.MessageTime"/>, and its tally rows and unread lines must equal <c>NAME.expected.txt</c>.
/// </summary>
public class SampleChainTests
{
    /// <summary>The samples must cover at least this many kinds of chain.</summary>
    public const int MinimumSamples = 8;

    private const string ExpectedSuffix = ".expected.txt";

    /// <summary>One case per sample, named after its file: <c>Sample_VegetableBundle</c>.</summary>
    public static IEnumerable<TestCaseData> Samples() =>
        SampleNames().Select(name => new TestCaseData(name).SetName("Sample_" + SpecExample.Sanitize(name)));

    [TestCaseSource(nameof(Samples))]
    public void Sample(string name)
    {
        string textPath = Path.Combine(RepositoryPaths.SampleDirectory, name + ".txt");
        string expectedPath = Path.Combine(RepositoryPaths.SampleDirectory, name + ExpectedSuffix);
        Assert.That(File.Exists(expectedPath), Is.True, $"{name}.txt has no {name}{ExpectedSuffix} beside it.");
        string text = File.ReadAllText(textPath);
        var expected = CompactResult.Parse(File.ReadAllLines(expectedPath).Where(l => !l.TrimStart().StartsWith('#')));
        Assert.That(expected.Tally, Is.Not.Empty, $"{name}{ExpectedSuffix} holds no tally rows.");
        Assert.That(expected.Entries, Is.Empty, $"{name}{ExpectedSuffix} holds entry lines; samples compare tallies only.");

        ChainPost post = ChainText.Parse(text, SpecExample.MessageTime);
        var actual = CompactResult.Of(post, expected, includeEntries: false);

        string want = expected.ToText();
        string got = actual.ToText();
        Assert.That(got, Is.EqualTo(want), VisibleWhitespace.Report($"samples/chains/{name}.txt", text, got, want));
    }

    [Test]
    public void Samples_AreEnoughAndEachHasItsExpectation()
    {
        var names = SampleNames().ToList();

        Assert.Multiple(() =>
        {
            Assert.That(names, Has.Count.GreaterThanOrEqualTo(MinimumSamples));
            foreach (string name in names)
                Assert.That(File.Exists(Path.Combine(RepositoryPaths.SampleDirectory, name + ExpectedSuffix)), Is.True, name);
        });
    }

    private static IEnumerable<string> SampleNames() =>
        Directory.Exists(RepositoryPaths.SampleDirectory)
            ? Directory.GetFiles(RepositoryPaths.SampleDirectory, "*.txt")
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(f => !f.EndsWith(ExpectedSuffix, StringComparison.OrdinalIgnoreCase))
                .Select(f => f[..^".txt".Length])
                .Order(StringComparer.Ordinal)
            : [];
}
