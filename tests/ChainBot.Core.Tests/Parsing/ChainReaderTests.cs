using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Parsing;

/// <summary>
/// <see cref="ChainParser.Open"/>: a post read as a stream must give what <see cref="ChainText.Parse"/> gives for
/// the same text — the same header, the same entries in the same order, the same unread lines — while holding only
/// the entry being read.
/// </summary>
public class ChainReaderTests
{
    private static readonly DateTimeOffset MessageTime = SpecExample.MessageTime;

    private const string Header = "#接龙\n4月18日 天山三村 蔬菜套餐团购\n规格：每份约5斤（8-9个品种），68元/份\n截止时间：今晚8点\n例：12号 301 张三 2份\n\n";

    /// <summary>Posts that exercise each way lines are read: continuation, placeholder, flattened, menu, quotes, unread.</summary>
    private static readonly (string Name, string Text)[] Posts =
    [
        ("plain", Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份\n3. 3号楼201 陈先生 1\n4. 7号 1102 刘 两份"),
        ("continuations", Header + "1. 12号301 王阿姨 1份\n（放门口就行）\n2. 15-502 李\n2份\n\n3. 3-201 陈 1"),
        ("placeholder", "#接龙\n砂糖橘 5斤/箱 45元/箱\n例 5号 101 张三 1箱\n\n1. 5号 301 王阿姨 1箱\n2. .\n5号 702 周🌸 两箱\n3. 5号 402 孙 x3"),
        ("flattened", Header + "1. 12-301 王 1份 2. 3. 15-502 李 1份 4. 3-201 陈 2份"),
        ("menu", "今日菜单\n1.凉拌牛肉 28元\n2.红烧肉 35元\n例：12-301 张三 凉拌牛肉1\n\n1. 12-301 王 凉拌牛肉1 红烧肉2\n2. 15-502 李 红烧肉1"),
        ("unread", Header + "1. 12号301 王阿姨 1份\n13. 2份\n14. 15号 302 郑 2斤\n15. 3-601 蒋先生 1份\n18. 12号 1101 吕\n\n随便说一句"),
        ("phones", Header + "1. 12号301 王阿姨 1份 13812345678\n2. 15-502 李 2份 电话：139 1234 5678\n3. 138-1234-5678 3-201 陈 1"),
        ("crlf", (Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份\n（放门口）\n3. 3-201 陈 1").Replace("\n", "\r\n", StringComparison.Ordinal)),
        ("cancellations", Header + "1. 12号301 王阿姨 1份\n2. 12号301 王阿姨 取消\n3. 15-502 李 改3份\n4. （代）5-102 王奶奶 1份\n5. 帮9号1201冯奶奶接龙 两份"),
        ("roster", "行动不便人员登记\n格式：楼号+房号+姓名+情况\n\n1. 5号102 王奶奶 独居\n2. 8号 3楼 孙爷爷 卧床\n3. 配药登记：15号302 刘阿姨 氨氯地平 2盒"),
        ("no header", "1. 12号301 王阿姨 1份\n2. 15-502 李 2份"),
        ("header only", "4月18日 天山三村 蔬菜套餐团购\n规格：68元/份\n截止时间：今晚8点"),
        ("empty", ""),
        ("one line", "你好"),
        ("quote", "「王阿姨：1. 99号999 路人 9份\n2. 98-998 路人乙 8份」\n- - - - - - - - - - - - - - -\n" + Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份"),
        ("quote among entries", Header + "1. 12号301 王阿姨 1份\n「李：2. 15-502 李 2份」\n- - - - - - - - - - - - - - -\n2. 3-201 陈 1份"),
        ("unclosed quote", Header + "1. 12号301 王阿姨 1份\n「放门口就行」\n2. 3-201 陈 1份\n3. 7-1203 杨 1份"),
        ("long line", Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份" + new string('放', ChainParserDefaults.MaxLineLength) + "\n3. 3-201 陈 1份"),
        ("traditional", "#接龍\n4月18日 天山三村 蔬菜套餐團購\n規格：每份約5斤，68元/份\n\n1. 12號301 林太太 1份\n2. 15號樓502 何生 兩份"),
        ("full-width", Header + "１. １２号３０１ 王 ２份\n2. 15－502 李 Ｘ２"),
    ];

    public static IEnumerable<TestCaseData> PostCases() =>
        Posts.Select(p => new TestCaseData(p.Text).SetName("Stream_equals_parse_" + SpecExample.Sanitize(p.Name)));

    public static IEnumerable<TestCaseData> SampleCases() =>
        Directory.GetFiles(RepositoryPaths.SampleDirectory, "*.txt")
            .Where(p => !p.EndsWith(".expected.txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(Path.GetFileName(p)).SetName("Stream_equals_parse_sample_" + SpecExample.Sanitize(Path.GetFileNameWithoutExtension(p))));

    [TestCaseSource(nameof(PostCases))]
    public void A_post_streamed_reads_as_the_whole_post(string text) => AssertStreamEqualsParse(text);

    [TestCaseSource(nameof(SampleCases))]
    public void A_sample_streamed_reads_as_the_whole_sample(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.SampleDirectory, file));
        var whole = ChainText.Parse(text, MessageTime);

        Assert.That(whole.Entries, Is.Not.Empty, "a sample with no entries compares nothing");
        AssertStreamEqualsParse(text);
    }

    [Test]
    public void Every_spec_example_streamed_reads_as_the_whole_example()
    {
        var examples = SpecFile.LoadAll();
        Assert.That(examples, Has.Length.GreaterThan(50));
        var differing = examples
            .Where(e => Snapshot(ChainText.Parse(e.Text, MessageTime)) != Snapshot(Stream(e.Text)))
            .Select(e => e.ToString())
            .ToList();
        Assert.That(differing, Is.Empty);
    }

    [TestCaseSource(nameof(PostCases))]
    public void A_post_read_in_parts_reads_as_the_whole_post(string text)
    {
        foreach (int lines in new[] { 1, 2, 3, 1000 })
            Assert.That(Snapshot(ReadInParts(text, lines)), Is.EqualTo(Snapshot(ChainText.Parse(text, MessageTime))), $"parts of {lines} lines");
    }

    [TestCaseSource(nameof(SampleCases))]
    public void A_sample_read_in_parts_reads_as_the_whole_sample(string file)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.SampleDirectory, file));
        string whole = Snapshot(ChainText.Parse(text, MessageTime));

        foreach (int lines in new[] { 1, 2, 5 })
            Assert.That(Snapshot(ReadInParts(text, lines)), Is.EqualTo(whole), $"parts of {lines} lines");
    }

    [Test]
    public void Every_spec_example_read_in_parts_of_one_line_reads_as_the_whole_example()
    {
        var examples = SpecFile.LoadAll();
        var differing = examples
            .Where(e => Snapshot(ChainText.Parse(e.Text, MessageTime)) != Snapshot(ReadInParts(e.Text, 1)))
            .Select(e => e.ToString())
            .ToList();
        Assert.That(differing, Is.Empty);
    }

    [Test]
    public void Parts_begin_at_numbered_lines_and_keep_continuations_and_blocks_whole()
    {
        // Line 8's remark continues entry 1; the block label on line 10 makes line 11 a neighbour's; neither may be cut off.
        string text = Header + "1. 12号301 王阿姨 1份\n（放门口就行）\n2. 15-502 李 2份\n线下登记：\n5-102 王奶奶 1份\n3. 3-201 陈 1份";
        using var chain = ChainParser.Default.Open(new StringReader(text), MessageTime);

        var parts = chain.ReadParts(minLines: 1).ToList();
        var read = parts.Select(p => p.Read()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(parts.Select(p => p.LineCount), Is.EqualTo(new[] { 0, 3, 1 }), "the first part is read with the header; then 2. with its block, then 3.");
            Assert.That(read[0].Entries.Select(e => (e.Name, e.Note)), Is.EqualTo(new[] { ("王阿姨", (string?)"放门口就行") }));
            Assert.That(read[1].Entries.Select(e => (e.Name, e.OnBehalf)), Is.EqualTo(new[] { ("李", false), ("王奶奶", true) }));
            Assert.That(read[2].Entries.Select(e => (e.Name, e.OnBehalf)), Is.EqualTo(new[] { ("陈", false) }));
            Assert.That(read.Select(p => p.Header.Title).Distinct(), Is.EqualTo(new[] { "4月18日 天山三村 蔬菜套餐团购" }));
        });
    }

    [Test]
    public void Parts_of_a_large_chain_read_on_several_threads_read_as_the_stream()
    {
        const int Count = 20_000;
        ChainPost streamed;
        using (var source = new GeneratedChain(Count))
        {
            using var chain = ChainParser.Default.Open(source, MessageTime);
            streamed = new ChainPost(chain.Header, [.. chain.ReadEntries()], chain.Unread);
        }
        using var parted = new GeneratedChain(Count);
        using var reader = ChainParser.Default.Open(parted, MessageTime);

        var parts = reader.ReadParts(minLines: 500).ToList();
        var read = parts.AsParallel().AsOrdered().Select(p => p.Read()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(parts, Has.Count.GreaterThan(30));
            Assert.That(read.Sum(p => p.Entries.Length), Is.EqualTo(Count));
            Assert.That(Snapshot(new ChainPost(streamed.Header, [.. read.SelectMany(p => p.Entries)], [.. read.SelectMany(p => p.Unread)])),
                Is.EqualTo(Snapshot(streamed)));
        });
    }

    [Test]
    public void ReadParts_after_ReadEntries_throws_and_refuses_parts_of_no_lines()
    {
        using var chain = ChainParser.Default.Open(new StringReader(Header + "1. 12号301 王阿姨 1份"), MessageTime);

        Assert.Throws<ArgumentOutOfRangeException>(() => chain.ReadParts(0));
        _ = chain.ReadEntries();
        Assert.Throws<InvalidOperationException>(() => chain.ReadParts());
    }

    [Test]
    public void The_header_is_known_before_any_entry_is_read()
    {
        string text = Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份\n3. 3号楼201 陈先生 1";
        int headerLines = Header.Count(c => c == '\n');
        using var source = new CountingReader(text);
        using var chain = ChainParser.Default.Open(source, MessageTime);

        var header = chain.Header;

        Assert.Multiple(() =>
        {
            Assert.That(header.Title, Is.EqualTo("4月18日 天山三村 蔬菜套餐团购"));
            Assert.That(header.HasNativeMarker, Is.True);
            Assert.That(header.Catalogue.Select(c => (c.Name, c.Unit, c.Price)), Is.EqualTo(new[] { ("蔬菜套餐", "份", (decimal?)68m) }));
            Assert.That(header.Deadline, Is.EqualTo(new DateTimeOffset(2022, 4, 18, 20, 0, 0, TimeSpan.FromHours(8))));
            Assert.That(chain.Kind, Is.EqualTo(ChainKind.Order));
            // The header ends where the first entry starts: no line after that one has been read.
            Assert.That(source.LinesRead, Is.LessThanOrEqualTo(headerLines + 1));
        });

        var entries = chain.ReadEntries().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[] { "王阿姨", "李", "陈先生" }));
            Assert.That(source.LinesRead, Is.EqualTo(headerLines + 3));
        });
    }

    [Test]
    public void Entries_are_read_as_they_are_enumerated()
    {
        var text = new StringBuilder(Header);
        for (int i = 1; i <= 50; i++)
            text.Append(CultureInfo.InvariantCulture, $"{i}. 12-{i + 100} 王 1份\n");
        using var source = new CountingReader(text.ToString());
        using var chain = ChainParser.Default.Open(source, MessageTime);

        var first = chain.ReadEntries().Take(3).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(e => e.Address.Room), Is.EqualTo(new[] { "101", "102", "103" }));
            Assert.That(source.LinesRead, Is.LessThan(Header.Count(c => c == '\n') + 10));
        });
    }

    [Test]
    public void ReadEntries_twice_throws()
    {
        using var chain = ChainParser.Default.Open(new StringReader(Header + "1. 12号301 王阿姨 1份\n2. 15-502 李 2份"), MessageTime);

        var entries = chain.ReadEntries();

        Assert.Multiple(() =>
        {
            Assert.Throws<InvalidOperationException>(() => chain.ReadEntries());
            // The first enumeration still reads the whole post.
            Assert.That(entries.Count(), Is.EqualTo(2));
            Assert.Throws<InvalidOperationException>(() => chain.ReadEntries());
        });
    }

    [Test]
    public void Unread_is_complete_once_the_entries_have_been_read()
    {
        string text = Posts.Single(p => p.Name == "unread").Text;
        var whole = ChainText.Parse(text, MessageTime);
        using var chain = ChainParser.Default.Open(new StringReader(text), MessageTime);

        _ = chain.Header;
        var beforeEntries = chain.Unread;
        using var entries = chain.ReadEntries().GetEnumerator();
        Assert.That(entries.MoveNext(), Is.True);
        var afterOne = chain.Unread;
        while (entries.MoveNext())
        {
        }
        var afterAll = chain.Unread;

        Assert.Multiple(() =>
        {
            Assert.That(whole.Unread, Has.Length.EqualTo(4), "the post has unread lines among and after its entries");
            // Lines are reported as they are read: what is known early is the start of the final list.
            Assert.That(whole.Unread.Take(beforeEntries.Length), Is.EqualTo(beforeEntries));
            Assert.That(whole.Unread.Take(afterOne.Length), Is.EqualTo(afterOne));
            Assert.That(afterOne.Length, Is.LessThan(whole.Unread.Length));
            Assert.That(afterAll, Is.EqualTo(whole.Unread));
        });
    }

    [Test]
    public void A_quoted_message_is_dropped_in_both_and_lines_keep_their_numbers()
    {
        string text = Posts.Single(p => p.Name == "quote").Text;
        var whole = ChainText.Parse(text, MessageTime);
        var streamed = Stream(text);

        Assert.Multiple(() =>
        {
            Assert.That(Snapshot(streamed), Is.EqualTo(Snapshot(whole)));
            Assert.That(whole.Entries.Select(e => e.Address.Building), Is.EqualTo(new[] { "12", "15" }));
            Assert.That(whole.Unread, Is.Empty);
            Assert.That(whole.Header.Title, Is.EqualTo("4月18日 天山三村 蔬菜套餐团购"));
            // The quote's three lines still count: the first entry stands on line 3 + 6 + 1.
            Assert.That(whole.Entries.Select(e => e.LineNumber), Is.EqualTo(new[] { 10, 11 }));
        });
    }

    [Test]
    public void A_quote_among_the_entries_is_dropped_in_both()
    {
        string text = Posts.Single(p => p.Name == "quote among entries").Text;
        var whole = ChainText.Parse(text, MessageTime);

        Assert.Multiple(() =>
        {
            Assert.That(Snapshot(Stream(text)), Is.EqualTo(Snapshot(whole)));
            Assert.That(whole.Entries.Select(e => e.Name), Is.EqualTo(new[] { "王阿姨", "陈" }));
            Assert.That(whole.Unread, Is.Empty);
        });
    }

    [Test]
    public void A_line_ending_in_a_unicode_line_separator_is_numbered_alike_in_both()
    {
        // U+2028 is a line break to the parser, but TextReader.ReadLine does not split on it: a line ending in one,
        // then \n, is two breaks when the text is split whole (the next entry is on line 3) and one when streamed.
        string text = "1. 12号301 王阿姨 1\u2028\n2. 15-502 李 2";

        var whole = ChainText.Parse(text, MessageTime);

        Assert.That(Snapshot(Stream(text)), Is.EqualTo(Snapshot(whole)));
    }

    [Test]
    public void Dispose_leaves_the_text_reader_open()
    {
        var source = new StringReader("1. 12号301 王阿姨 1份\n2. 15-502 李 2份\nafter");
        var chain = ChainParser.Default.Open(source, MessageTime);
        _ = chain.ReadEntries().First();

        chain.Dispose();

        Assert.DoesNotThrow(() => source.ReadToEnd());
    }

    [Test]
    public void Open_refuses_a_null_reader() =>
        Assert.Throws<ArgumentNullException>(() => ChainParser.Default.Open(null!, MessageTime));

    /// <summary>
    /// The most the live heap may grow while 100,000 entries stream. Held in a list they take about 19 MB (entry,
    /// line string, items; see the control test below); streamed, the heap grew by about 11 KB when measured.
    /// </summary>
    private const long StreamingBound = 4L * 1024 * 1024;

    [Test]
    public void A_hundred_thousand_entries_stream_without_being_held()
    {
        const int Count = 100_000;
        const int Checkpoints = 10;

        using var source = new GeneratedChain(Count);
        using var chain = ChainParser.Default.Open(source, MessageTime);
        _ = chain.Header;
        // Warm the reader (its per-post pools and buffers) before measuring.
        using var entries = chain.ReadEntries().GetEnumerator();
        int read = 0;
        decimal quantity = 0;
        for (; read < 1000 && entries.MoveNext(); read++)
            quantity += entries.Current.Items.Sum(i => i.Quantity);
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        long maxGrowth = 0;
        while (entries.MoveNext())
        {
            read++;
            quantity += entries.Current.Items.Sum(i => i.Quantity);
            if (read % (Count / Checkpoints) == 0)
                maxGrowth = Math.Max(maxGrowth, GC.GetTotalMemory(forceFullCollection: true) - baseline);
        }

        Assert.Multiple(() =>
        {
            Assert.That(read, Is.EqualTo(Count));
            Assert.That(quantity, Is.EqualTo(GeneratedChain.TotalQuantity(Count)));
            Assert.That(chain.Unread, Is.Empty);
            Assert.That(maxGrowth, Is.LessThan(StreamingBound), $"the live heap grew by {maxGrowth:N0} bytes while streaming");
        });
    }

    [Test]
    public void Holding_the_entries_shows_in_the_same_measure()
    {
        // The control for the test above: the same measure does see 100,000 entries held in a list.
        const int Count = 100_000;
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        using var source = new GeneratedChain(Count);
        using var chain = ChainParser.Default.Open(source, MessageTime);
        var held = chain.ReadEntries().ToList();

        long growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;

        Assert.Multiple(() =>
        {
            Assert.That(held, Has.Count.EqualTo(Count));
            Assert.That(growth, Is.GreaterThan(StreamingBound));
        });
        GC.KeepAlive(held);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static void AssertStreamEqualsParse(string text)
    {
        var whole = ChainText.Parse(text, MessageTime);
        var streamed = Stream(text);

        Assert.Multiple(() =>
        {
            Assert.That(DescribeHeader(streamed.Header), Is.EqualTo(DescribeHeader(whole.Header)));
            Assert.That(streamed.Entries.Select(Describe), Is.EqualTo(whole.Entries.Select(Describe)));
            Assert.That(streamed.Unread, Is.EqualTo(whole.Unread));
        });
    }

    /// <summary>Reads <paramref name="text"/> through <see cref="ChainParser.Open"/> into a post.</summary>
    internal static ChainPost Stream(string text, ChainParser? parser = null)
    {
        using var chain = (parser ?? ChainParser.Default).Open(new StringReader(text), MessageTime);
        var header = chain.Header;
        var entries = chain.ReadEntries().ToImmutableArray();
        return new ChainPost(header, entries, chain.Unread);
    }

    /// <summary>Reads <paramref name="text"/> in parts of <paramref name="linesPerPart"/> lines, one after another, into a post.</summary>
    internal static ChainPost ReadInParts(string text, int linesPerPart)
    {
        using var chain = ChainParser.Default.Open(new StringReader(text), MessageTime);
        var parts = chain.ReadParts(linesPerPart).Select(p => p.Read()).ToList();
        return new ChainPost(chain.Header, [.. parts.SelectMany(p => p.Entries)], [.. parts.SelectMany(p => p.Unread)]);
    }

    /// <summary>
    /// Everything a post holds, one line per header, entry and unread line. Records holding an ImmutableArray
    /// compare it by reference, so posts read twice are compared in this form.
    /// </summary>
    internal static string Snapshot(ChainPost post) =>
        string.Join("\n", new[] { DescribeHeader(post.Header) }
            .Concat(post.Entries.Select(Describe))
            .Concat(post.Unread.Select(u => $"! {u.LineNumber}|{u.Reason}|{u.Line}")));

    /// <summary>Every field of an entry, quantities with their scale (2 and 2.0 differ).</summary>
    internal static string Describe(ChainEntry entry)
    {
        var a = entry.Address;
        string items = string.Join(";", entry.Items.Select(i => $"{i.Item}={i.Quantity.ToString(CultureInfo.InvariantCulture)}{i.Unit}"));
        return string.Join("|",
            entry.LineNumber.ToString(CultureInfo.InvariantCulture), entry.Seq?.ToString(CultureInfo.InvariantCulture),
            a.Area, a.Building, a.Entrance, a.Room, a.Floor, entry.Name, items, entry.Note, entry.Status.ToString(),
            entry.IsCorrection ? "correction" : "", entry.OnBehalf ? "behalf" : "", entry.Phone, entry.Line);
    }

    private static string DescribeHeader(ChainHeader h) =>
        string.Join("|", h.Title, h.HasNativeMarker ? "native" : "", h.Minimum?.ToString(CultureInfo.InvariantCulture),
            h.Deadline?.ToString("O", CultureInfo.InvariantCulture), h.Pickup, h.Example,
            string.Join(";", h.Catalogue.Select(c => c.ToString())));

    /// <summary>A reader over a string that counts the lines handed out.</summary>
    private sealed class CountingReader(string text) : TextReader
    {
        private readonly StringReader _inner = new(text);

        public int LinesRead { get; private set; }

        public override string? ReadLine()
        {
            string? line = _inner.ReadLine();
            if (line is not null)
                LinesRead++;
            return line;
        }

        public override int Peek() => throw new NotSupportedException("the parser reads lines");

        public override int Read() => throw new NotSupportedException("the parser reads lines");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>
    /// A chain of <c>count</c> entries made up line by line as it is read, so the text is never held either:
    /// 30 buildings, a few hundred rooms each, a handful of names, one or two 份 each.
    /// </summary>
    private sealed class GeneratedChain(int count) : TextReader
    {
        private static readonly string[] HeaderLines = ["#接龙", "4月18日 天山三村 蔬菜套餐团购", "规格：每份约5斤，68元/份", "例：12号 301 张三 2份", ""];
        private static readonly string[] Names = ["王阿姨", "李", "陈先生", "小王", "刘奶奶家", "Amy", "赵姐"];

        private int _line;

        public static decimal TotalQuantity(int count) => Enumerable.Range(1, count).Sum(Quantity);

        private static int Quantity(int i) => 1 + (i % 2);

        public override string? ReadLine()
        {
            int line = _line++;
            if (line < HeaderLines.Length)
                return HeaderLines[line];
            int i = line - HeaderLines.Length + 1;
            if (i > count)
                return null;
            int building = 1 + (i % 30);
            int room = ((1 + (i / 30 % 33)) * 100) + 1 + (i / 990 % 4);
            return string.Create(CultureInfo.InvariantCulture, $"{i}. {building}号{room} {Names[i % Names.Length]} {Quantity(i)}份");
        }

        public override int Peek() => throw new NotSupportedException("the parser reads lines");

        public override int Read() => throw new NotSupportedException("the parser reads lines");
    }
}
