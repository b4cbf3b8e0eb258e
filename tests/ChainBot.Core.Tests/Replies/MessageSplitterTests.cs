using System.Text;
using System.Text.RegularExpressions;
using ChainBot.Core.Replies;
using FsCheck;
using FsCheck.Fluent;

namespace ChainBot.Core.Tests.Replies;

/// <summary>Long answers cut into messages within the channel's limits, between lines, numbered only when cut.</summary>
public partial class MessageSplitterTests
{
    [Test]
    public void An_answer_that_fits_is_one_message_without_a_number()
    {
        var parts = MessageSplitter.Split(["【接龙】", "共5户", "", "蔬菜套餐 7份"], 1800, 25);

        Assert.That(parts, Is.EqualTo(new[] { "【接龙】\n共5户\n\n蔬菜套餐 7份" }));
    }

    [Test]
    public void Too_many_lines_are_cut_between_lines_and_numbered()
    {
        var lines = Enumerable.Range(1, 30).Select(i => $"{i}号楼 2户：3份").ToList();

        var parts = MessageSplitter.Split(lines, 1800, 25);

        Assert.That(parts, Has.Count.EqualTo(2));
        Assert.That(parts[0], Does.StartWith("（1/2）1号楼 2户：3份\n2号楼"));
        Assert.That(parts[0].Split('\n'), Has.Length.EqualTo(25));
        Assert.That(parts[1], Does.StartWith("（2/2）26号楼 2户：3份").And.EndWith("30号楼 2户：3份"));
    }

    [Test]
    public void Too_many_bytes_are_cut_between_lines_within_the_limit()
    {
        var lines = Enumerable.Range(1, 10).Select(i => $"第{i}行，写满中文字符的一行").ToList(); // ~45 bytes each

        var parts = MessageSplitter.Split(lines, 100, 25);

        Assert.That(parts, Has.Count.GreaterThan(1));
        Assert.That(parts.Select(Encoding.UTF8.GetByteCount), Has.All.LessThanOrEqualTo(100));
        Assert.That(parts[0], Does.StartWith("（1/"));
    }

    [Test]
    public void A_part_never_starts_or_ends_with_a_blank_line()
    {
        var parts = MessageSplitter.Split(["一", "", "二", "", "三"], 1800, 2);

        Assert.That(parts, Is.EqualTo(new[] { "（1/3）一", "（2/3）二", "（3/3）三" }));
    }

    [Test]
    public void A_line_too_long_on_its_own_is_cut_between_characters_never_inside_an_emoji()
    {
        string line = string.Concat(Enumerable.Repeat("🍊砂糖橘", 40)); // 4 + 9 bytes a time, 520 bytes

        var parts = MessageSplitter.Split([line], 64, 25);

        Assert.That(parts.Select(Encoding.UTF8.GetByteCount), Has.All.LessThanOrEqualTo(64));
        Assert.That(parts.Select(IsWellFormed), Has.All.True);
        Assert.That(string.Concat(parts.Select(WithoutMarker)), Is.EqualTo(line));
    }

    [Test]
    public void A_character_under_hundreds_of_accents_is_cut_between_code_points()
    {
        string line = "a" + new string('\u0301', 300) + "😀";

        var parts = MessageSplitter.Split([line], 64, 25);

        Assert.That(parts.Select(Encoding.UTF8.GetByteCount), Has.All.LessThanOrEqualTo(64));
        Assert.That(parts.Select(IsWellFormed), Has.All.True);
        Assert.That(string.Concat(parts.Select(WithoutMarker)), Is.EqualTo(line));
    }

    [Test]
    public void Nothing_to_say_is_no_message() =>
        Assert.That(MessageSplitter.Split(["", " ", ""], 1800, 25), Is.Empty);

    private static readonly string[] Pieces = ["统计", "3号楼", "🍊", "👨‍👩‍👧", "é", "a\u0301", "¥68", " ", "，", "\n", "王**", "1份", "x"];

    /// <summary>Lines made of pieces that stress the cut: Han, emoji (ZWJ sequences too), combining marks, spaces.</summary>
    private static Arbitrary<string[]> Lines() =>
        Gen.Elements(Pieces).ArrayOf().Select(pieces => string.Concat(pieces.Take(60))).ArrayOf()
            .Select(lines => lines.Take(40).ToArray()).ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Every_part_fits_is_well_formed_and_nothing_is_lost() =>
        Prop.ForAll(Lines(), Gen.Choose(ReplyDefaults.MinimumBytes, 300).ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(), (lines, maxBytes, maxLines) =>
        {
            var parts = MessageSplitter.Split(lines, maxBytes, maxLines);
            bool fits = parts.All(part => Encoding.UTF8.GetByteCount(part) <= maxBytes && part.Split('\n').Length <= maxLines);
            bool whole = Squeeze(string.Concat(parts.Select(WithoutMarker))) == Squeeze(string.Concat(lines));
            bool numbered = parts.Count < 2 || parts.Select((part, i) => part.StartsWith($"（{i + 1}/{parts.Count}）", StringComparison.Ordinal)).All(b => b);
            return (fits && parts.All(IsWellFormed) && whole && numbered).Label(string.Join("\n====\n", parts));
        });

    /// <summary>True when the text holds no lone surrogate: it encodes to UTF-8 and back unchanged.</summary>
    internal static bool IsWellFormed(string text)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(new UTF8Encoding(false, true).GetBytes(text)) == text;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static string WithoutMarker(string part) => Marker().Replace(part, string.Empty);

    /// <summary>The text without the line breaks and spaces a cut may move or drop.</summary>
    private static string Squeeze(string text) => text.Replace("\n", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal);

    [GeneratedRegex(@"^（\d+/\d+）")]
    private static partial Regex Marker();
}
