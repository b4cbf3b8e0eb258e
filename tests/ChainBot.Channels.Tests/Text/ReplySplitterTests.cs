using System.Text;
using ChainBot.Channels.Text;
using FsCheck;
using FsCheck.Fluent;

namespace ChainBot.Channels.Tests.Text;

public class ReplySplitterTests
{
    [Test]
    public void Short_text_is_one_chunk_and_empty_text_none()
    {
        Assert.That(ReplySplitter.Split("统计：3号楼 5户", 2048), Is.EqualTo(new[] { "统计：3号楼 5户" }));
        Assert.That(ReplySplitter.Split("", 2048), Is.Empty);
    }

    [Test]
    public void Lines_are_packed_whole()
    {
        // Each line is 10 bytes with its LF; a limit of 25 takes two lines a chunk.
        string text = "123456789\nabcdefghi\nABCDEFGHI\n987654321";
        Assert.That(ReplySplitter.Split(text, 25), Is.EqualTo(new[] { "123456789\nabcdefghi\n", "ABCDEFGHI\n987654321" }));
    }

    [Test]
    public void Chinese_is_counted_in_bytes()
    {
        // 3号楼 is 1+3+3 = 7 bytes; with LF 8; three lines are 24 bytes.
        string text = "3号楼\n4号楼\n5号楼\n";
        Assert.That(ReplySplitter.Split(text, 24), Has.Count.EqualTo(1));
        Assert.That(ReplySplitter.Split(text, 23), Is.EqualTo(new[] { "3号楼\n4号楼\n", "5号楼\n" }));
    }

    [Test]
    public void A_line_exactly_at_the_limit_fits()
    {
        string line = new string('a', 2047) + "\n";
        Assert.That(ReplySplitter.Split(line + "b", 2048), Is.EqualTo(new[] { line, "b" }));
    }

    [Test]
    public void An_over_long_line_is_cut_between_characters()
    {
        string text = "前言\n" + new string('中', 10) + "\n尾";
        var chunks = ReplySplitter.Split(text, 9);
        Assert.That(chunks, Is.EqualTo(new[] { "前言\n", "中中中", "中中中", "中中中", "中\n尾" }));
    }

    [Test]
    public void A_surrogate_pair_is_never_cut()
    {
        string text = "a" + string.Concat(Enumerable.Repeat("😀", 5));
        var chunks = ReplySplitter.Split(text, 6);
        Assert.That(chunks, Is.EqualTo(new[] { "a😀", "😀", "😀", "😀", "😀" }));
    }

    [Test]
    public void The_limit_must_fit_a_character()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ReplySplitter.Split("x", 3));
    }

    [Test]
    public void Utf8_length_matches_the_encoder()
    {
        foreach (string text in new[] { "", "abc", "é", "中文", "😀", "a\uD800b", "\uDC00", "x\uD83D" })
            Assert.That(ReplySplitter.Utf8Length(text), Is.EqualTo(Encoding.UTF8.GetByteCount(text)), text);
    }

    private static readonly string[] Pieces = ["a", "接龙", "3号楼201 王 2份", "😀", "\n", "\n", "\r\n", " ", "é", "\uD800", "\uDC00", new string('长', 40)];

    private static Arbitrary<string> ReplyText() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts)).ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property Every_chunk_fits_and_the_chunks_are_the_text() => Prop.ForAll(
        ReplyText(), Gen.Choose(4, 120).ToArbitrary(), (text, limit) =>
        {
            var chunks = ReplySplitter.Split(text, limit);
            bool fits = chunks.All(chunk => Encoding.UTF8.GetByteCount(chunk) <= limit && chunk.Length > 0);
            bool whole = string.Concat(chunks) == text;
            // A chunk never ends in the first half of a pair that its input had whole, nor starts with the second half.
            int at = 0;
            bool pairsWhole = true;
            foreach (string chunk in chunks)
            {
                at += chunk.Length;
                if (at < text.Length && char.IsHighSurrogate(text[at - 1]) && char.IsLowSurrogate(text[at]))
                    pairsWhole = false;
            }
            return fits.Label("every chunk fits").And(whole.Label("concatenation is the input")).And(pairsWhole.Label("no pair cut"));
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Lines_that_fit_are_never_cut() => Prop.ForAll(ReplyText(), text =>
    {
        const int limit = 64;
        var chunks = ReplySplitter.Split(text, limit);
        // Every chunk but the last ends at a line end, unless it is a piece of a line longer than the limit.
        var longLines = text.Split('\n').Where(line => Encoding.UTF8.GetByteCount(line) + 1 > limit).ToList();
        return chunks.SkipLast(1).All(chunk => chunk.EndsWith('\n') || longLines.Count > 0);
    });
}
