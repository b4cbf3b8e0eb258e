using System.Globalization;
using System.Text;
using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Tests.Segmentation;

/// <summary>
/// The segmenter over jieba's own dict.txt must cut exactly as <c>jieba.lcut(text, HMM=False)</c> does, on every
/// line of the committed corpus and on multi-line messages built from it. jieba runs once, under /usr/bin/python3.
/// </summary>
[Category("Parity")]
public class JiebaParityTests
{
    // Lines are also joined into messages so that "\r\n", "\n" and a lone "\r" sit between real text.
    private static readonly string[] s_separators = ["\r\n", "\n", "\r", "\r\n\r\n", "\n\n"];
    private const int LinesPerMessage = 7;

    [Test]
    public void Corpus_is_large_enough_to_mean_something()
    {
        var lines = TestFiles.ParityCorpusLines();
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.GreaterThanOrEqualTo(2000));
            Assert.That(lines.Distinct(StringComparer.Ordinal).Count(), Is.GreaterThanOrEqualTo(1500), "distinct lines");
            Assert.That(lines.Any(l => l.Any(char.IsSurrogate)), "has emoji outside the BMP");
            Assert.That(lines.Any(l => l.Contains('\t', StringComparison.Ordinal)), "has tabs");
            Assert.That(lines.Any(l => l.Contains('\u3000', StringComparison.Ordinal)), "has ideographic spaces");
        });
    }

    [Test]
    public void Segmenter_over_jieba_dict_cuts_every_corpus_line_as_jieba_does()
    {
        var lines = TestFiles.ParityCorpusLines();
        var inputs = new List<string>(lines);
        for (int i = 0, m = 0; i < lines.Length; i += LinesPerMessage, m++)
            inputs.Add(string.Join(s_separators[m % s_separators.Length], lines.Skip(i).Take(LinesPerMessage)));

        var (dictionaryPath, expected) = JiebaReference.CutAll(inputs);
        var segmenter = new Segmenter(WordDictionary.Load(dictionaryPath));

        var failures = new StringBuilder();
        int failed = 0;
        for (int i = 0; i < inputs.Count; i++)
        {
            var actual = segmenter.Cut(inputs[i]);
            if (actual.SequenceEqual(expected[i], StringComparer.Ordinal))
                continue;
            if (++failed <= 10)
            {
                failures.AppendLine(CultureInfo.InvariantCulture, $"input {i}: {Visible(inputs[i])}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  jieba : {Join(expected[i])}")
                    .AppendLine(CultureInfo.InvariantCulture, $"  ours  : {Join(actual)}");
            }
        }

        TestContext.Out.WriteLine($"compared {inputs.Count} inputs ({lines.Length} lines, {inputs.Count - lines.Length} messages) with jieba over {dictionaryPath}");
        Assert.That(failed, Is.Zero, $"{failed} of {inputs.Count} inputs cut differently; the first:\n{failures}");
    }

    private static string Join(IEnumerable<string> tokens) => string.Join(" / ", tokens.Select(Visible));

    private static string Visible(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('⟨');
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '\r' => "\\r",
                '\n' => "\\n",
                '\t' => "\\t",
                ' ' => "·",
                _ when char.IsWhiteSpace(c) || char.IsControl(c) => ((int)c).ToString("X4", CultureInfo.InvariantCulture).Insert(0, "\\u"),
                _ => c.ToString(),
            });
        }
        return sb.Append('⟩').ToString();
    }
}
