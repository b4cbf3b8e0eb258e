using ChainBot.Core.Merging;
using ChainBot.Core.Tests.Merging;
using ChainBot.Core.Tests.Specs;
using ChainBot.Core.Transcripts;

namespace ChainBot.Core.Tests.Samples;

/// <summary>
/// The group conversations of <c>samples/transcripts/</c>: each <c>NAME.jsonl</c> is replayed through the merger and
/// its final state must equal <c>NAME.expected.txt</c> (<see cref="StateFormatter"/>; <c>#</c> lines are comments).
/// </summary>
public class SampleTranscriptTests
{
    /// <summary>The transcripts must cover at least this many situations.</summary>
    public const int MinimumSamples = 8;

    private const string ExpectedSuffix = ".expected.txt";

    public static IEnumerable<TestCaseData> Transcripts() =>
        TranscriptNames().Select(name => new TestCaseData(name).SetName("Transcript_" + SpecExample.Sanitize(name)));

    [TestCaseSource(nameof(Transcripts))]
    public void Transcript(string name)
    {
        string path = Path.Combine(RepositoryPaths.TranscriptDirectory, name + ".jsonl");
        string expectedPath = Path.Combine(RepositoryPaths.TranscriptDirectory, name + ExpectedSuffix);
        Assert.That(File.Exists(expectedPath), Is.True, $"{name}.jsonl has no {name}{ExpectedSuffix} beside it.");

        string got = StateFormatter.Format(Replay(path));

        string want = string.Join('\n', File.ReadAllLines(expectedPath).Where(line => !line.StartsWith('#'))).Trim() + "\n";
        Assert.That(got, Is.EqualTo(want), VisibleWhitespace.Report($"samples/transcripts/{name}.jsonl", "", got, want));
    }

    [Test]
    public void Transcripts_AreEnoughAndEachReadsWhole()
    {
        var names = TranscriptNames().ToList();
        Assert.That(names, Has.Count.GreaterThanOrEqualTo(MinimumSamples));
        foreach (string name in names)
        {
            using var reader = new StreamReader(Path.Combine(RepositoryPaths.TranscriptDirectory, name + ".jsonl"));
            var bad = TranscriptReader.Read(reader).Where(line => !line.IsMessage).ToList();
            Assert.That(bad, Is.Empty, $"{name}.jsonl: {string.Join("; ", bad)}");
        }
    }

    internal static GroupState Replay(string path)
    {
        using var reader = new StreamReader(path);
        var messages = TranscriptReader.Read(reader).Where(line => line.IsMessage).Select(line => line.Message!.ToIncoming(line.LineNumber));
        return ChainMerger.Default.Replay(messages.ToList());
    }

    private static IEnumerable<string> TranscriptNames() =>
        Directory.Exists(RepositoryPaths.TranscriptDirectory)
            ? Directory.GetFiles(RepositoryPaths.TranscriptDirectory, "*.jsonl").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)
            : [];
}
