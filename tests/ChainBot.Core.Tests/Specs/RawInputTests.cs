using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// The inputs a spec file cannot hold: Windows line ends, lone surrogates, megabytes of noise, the exact line-length
/// boundary. The parser must read what it can, never throw, and return something no bigger than what it was given.
/// </summary>
public class RawInputTests
{
    private const string Header = "4月18日 天山三村 蔬菜套餐团购\n规格：每份约5斤（8-9个品种），68元/份\n截止时间：今晚8点\n例：12号 301 张三 2份\n\n";

    private static readonly string[] ChainEntries =
    [
        "1||12||301|王阿姨|蔬菜套餐=1份",
        "2||15||502|李|蔬菜套餐=2份|放门口就行",
        "3||3||201|陈先生|蔬菜套餐=1份",
    ];

    private const string Chain = Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份\n（放门口就行）\n3. 3号楼201 陈先生 1\n4. 2份";

    private static ChainPost Parse(string text) => ChainText.Parse(text, SpecExample.MessageTime);

    private static List<string> EntryLines(ChainPost post) => post.Entries.Select(PostFormatter.FormatEntry).ToList();

    [Test]
    public void CrLf_ReadsAsLf()
    {
        var post = Parse(Chain.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(EntryLines(post), Is.EqualTo(ChainEntries));
            Assert.That(post.Unread.Select(PostFormatter.FormatUnread), Is.EqualTo(new[] { "! building not found | 4. 2份" }));
            Assert.That(post.Header.Deadline, Is.EqualTo(new DateTimeOffset(2022, 4, 18, 20, 0, 0, TimeSpan.FromHours(8))));
            Assert.That(post.Entries.Select(e => e.Note).Concat(post.Unread.Select(u => u.Line)).OfType<string>(), Has.None.Contains('\r'));
        });
    }

    [Test]
    public void CrLf_MixedWithLf_ReadsTheSame()
    {
        string mixed = Chain.Replace("2. 15-502", "\r\n2. 15-502", StringComparison.Ordinal).Replace("\n\r\n", "\r\n", StringComparison.Ordinal);

        var post = Parse(mixed);

        Assert.That(EntryLines(post), Is.EqualTo(ChainEntries));
    }

    [Test]
    public void ZeroWidthSpaces_AreIgnored()
    {
        var post = Parse(Header + "\u200B1. 12号\u200B301 王阿姨\u200B 1\u200B份\u200D");

        Assert.That(EntryLines(post), Is.EqualTo(new[] { ChainEntries[0] }));
    }

    [Test]
    public void Tabs_AreSpaces()
    {
        var post = Parse(Header + "1.\t12号301\t王阿姨\t\t1份\t");

        Assert.That(EntryLines(post), Is.EqualTo(new[] { ChainEntries[0] }));
    }

    [Test]
    public void LoneSurrogates_DoNotStopTheRestBeingRead()
    {
        var post = Parse(Header + "1. 12号301 王阿姨 1份\n2. \uD800 \uDC00\uDC00 \uD83D\n3. 15-502 李 2份\n（放门口就行）");

        Assert.That(EntryLines(post).Where(e => !e.StartsWith("2|", StringComparison.Ordinal)),
            Is.EqualTo(new[] { ChainEntries[0], "3||15||502|李|蔬菜套餐=2份|放门口就行" }));
    }

    [Test]
    public void LineOfExactlyTheLimit_IsRead()
    {
        string line = LineOfLength(ChainParserDefaults.MaxLineLength, out string note);

        var post = Parse(Header + line);

        Assert.Multiple(() =>
        {
            Assert.That(post.Unread, Is.Empty);
            Assert.That(EntryLines(post), Is.EqualTo(new[] { $"1||12||301|王阿姨|蔬菜套餐=1份|{note}" }));
        });
    }

    [Test]
    public void LineOverTheLimit_IsReportedTooLong()
    {
        string line = LineOfLength(ChainParserDefaults.MaxLineLength + 1, out _);

        var post = Parse(Header + "2. 15-502 李 2份\n" + line);

        Assert.Multiple(() =>
        {
            Assert.That(EntryLines(post), Is.EqualTo(new[] { "2||15||502|李|蔬菜套餐=2份" }));
            Assert.That(post.Unread.Select(u => (u.Reason, u.Line.Trim())), Is.EqualTo(new[] { (UnreadReasons.TooLong, line) }));
        });
    }

    [Test]
    public void OneMegabyteLine_IsOneUnreadLine()
    {
        string line = "1. 12-301 王 1份 " + new string('哈', 1 << 20);

        var post = Parse(Header + line);

        Assert.Multiple(() =>
        {
            Assert.That(post.Entries, Is.Empty);
            Assert.That(post.Unread.Select(u => u.Reason), Is.EqualTo(new[] { UnreadReasons.TooLong }));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void OneMegabyteOfNoise_NeverThrowsAndStaysBounded(int seed)
    {
        string text = Noise(1 << 20, seed);

        ChainPost post = null!;
        Assert.DoesNotThrow(() => post = Parse(text));
        AssertBounded(text, post);
    }

    [Test]
    public void OneMegabyteOfChainLikeNoise_NeverThrowsAndStaysBounded()
    {
        // Noise made of the pieces chains are made of, so that the scanners (numbers, addresses, units) all fire.
        string[] pieces =
        [
            "1.", "2、", "⑫", "12号", "301", "-", "#", "/", "楼", "栋", "单元", "室", "区", "一", "十二", "两", "半", "份", "斤",
            "kg", "x", "×", "*", "+", "A", "b", "各", "取消", "改为", "代登记", "（", "）", "【", "】", "「", "：", "」",
            "- - - - - - - - - - - - - - -", "#接龙", "68元/份", "今晚8点", "例：", "满50份成团", "138****5678", "13812345678",
            "王阿姨", "🌸", "\u200B", "\t", " ", " ", "\n", "\n", "\r\n", "\uD800", "0", "9", ".", "。",
        ];
        var random = new Random(20220418);
        var sb = new StringBuilder(1 << 20);
        while (sb.Length < 1 << 20)
            sb.Append(pieces[random.Next(pieces.Length)]);
        string text = sb.ToString();

        ChainPost post = null!;
        Assert.DoesNotThrow(() => post = Parse(text));
        AssertBounded(text, post);
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool AnyText_NeverThrows_AndGivesNoMoreLinesThanItHas(string? text)
    {
        text ??= string.Empty;
        var post = Parse(text);
        int lines = text.Count(c => c == '\n') + 1;
        // Flattened chains split a line, but every entry needs at least "1." and a character: at most a third as many.
        return post.Entries.Length + post.Unread.Length <= Math.Max(lines, text.Length / 3 + 1);
    }

    // Nothing in the result is larger than what came in: every entry and unread line is a piece of the text.
    private static void AssertBounded(string text, ChainPost post)
    {
        long echoed = post.Entries.Sum(e => (long)e.Line.Length) + post.Unread.Sum(u => (long)u.Line.Length);
        int lines = text.Count(c => c == '\n') + 1;
        Assert.Multiple(() =>
        {
            Assert.That(post.Entries.Length + post.Unread.Length, Is.LessThanOrEqualTo(Math.Max(lines, text.Length / 3 + 1)));
            Assert.That(echoed, Is.LessThanOrEqualTo(2L * text.Length));
            Assert.That(post.Header.Title?.Length ?? 0, Is.LessThanOrEqualTo(text.Length));
        });
    }

    // "1. 12-301 王阿姨 1份（放放…放）" of exactly the given length; the note is what stands in the brackets.
    private static string LineOfLength(int length, out string note)
    {
        const string start = "1. 12-301 王阿姨 1份（";
        note = new string('放', length - start.Length - 1);
        return start + note + "）";
    }

    // Random UTF-16: ASCII, CJK, full-width forms, emoji halves, controls and line ends, lone surrogates included.
    // Found by the fuzzer (tests/ChainBot.Fuzz, a hang in merger.conversation): a title of 3,031 characters, sold as
    // the chain's one item, was indexed by every part of its name — 4.5 million strings, 13 s for one post.
    private static readonly string LongTitleChain =
        new string('元', 3031) + "#接龙\n4月18日 天山三村 蔬菜套餐团购🥬\n规格：每份约5斤（8-9个品种），68元/份\n截止时间：今晚8点\n例：12号 301 张三 2份\n\n1. 12号301 王阿姨 1份";

    [Test]
    public void FuzzRegression_ATitleOfThousandsOfCharactersSoldAsOneItem_IsReadAndItsEntryToo()
    {
        var post = Parse(LongTitleChain);

        Assert.Multiple(() =>
        {
            Assert.That(post.Header.Catalogue, Has.Length.EqualTo(1));
            Assert.That(post.Header.Catalogue[0].Name, Does.StartWith("元元元"));
            Assert.That(post.Entries, Has.Length.EqualTo(1));
            Assert.That(post.Entries[0].Address.Room, Is.EqualTo("301"));
        });
    }

    [Test]
    public void FuzzRegression_ALongItemName_IsIndexedByItsShortParts_NotByEveryPart()
    {
        string name = new('元', 3031);

        var index = new ChainBot.Core.Parsing.Entries.CatalogueIndex([new CatalogueItem(name, "份")]);

        // The full name, and each run of 2 to 12 characters: here one of each length, the name being one character repeated.
        Assert.That(index.AliasCount, Is.EqualTo(1 + 11));
    }

    private static string Noise(int length, int seed)
    {
        var random = new Random(seed);
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                0 => '\n',
                1 or 2 => (char)random.Next(0x20, 0x7F),
                3 or 4 or 5 => (char)random.Next(0x4E00, 0x9FA5),
                6 => (char)random.Next(0xFF01, 0xFF5F),
                7 => (char)random.Next(0xD800, 0xE000),
                8 => (char)random.Next(0, 0x20),
                _ => (char)random.Next(0, 0x10000),
            };
        }
        return new string(chars);
    }
}
