using ChainBot.Core.Chains;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// One NUnit case per example of the spec files (Specs/*.md): the example's text is parsed with the default parser
/// at <see cref="SpecExample.MessageTime"/> and the result, written compactly, must equal the expected lines.
/// </summary>
public class SpecTests
{
    /// <summary>Every example as a test case named <c>Section_Example007</c>, categorised by its file.</summary>
    public static IEnumerable<TestCaseData> Examples() =>
        SpecFile.LoadAll().Select(e => new TestCaseData(e)
            .SetName(e.TestName)
            .SetCategory(Path.GetFileNameWithoutExtension(e.File))
            .SetDescription(e.Location));

    /// <summary>Parses one example and compares it with its expected lines.</summary>
    [TestCaseSource(nameof(Examples))]
    public void Example(SpecExample example)
    {
        ArgumentNullException.ThrowIfNull(example);
        var expected = CompactResult.Parse(example.Expected);
        ChainPost post = ChainText.Parse(example.Text, SpecExample.MessageTime);
        var actual = CompactResult.Of(post, expected);
        string want = expected.ToText();
        string got = actual.ToText();
        Assert.That(got, Is.EqualTo(want), VisibleWhitespace.Report(example.Location, example.Text, got, want));
    }
}
