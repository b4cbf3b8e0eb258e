using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Tests.Specs;

/// <summary>
/// The spec harness proven on its own, without the parser: the reader on hand-made spec text, the formatter and the
/// comparison on a hand-made post, and the spec files themselves well formed.
/// </summary>
public class SpecRunnerTests
{
    private const string Spec = """
        # Title of the file

        Prose is ignored, and so are other fences:

        ```text
        ## not a section
        ```

        ## Numbering styles

        ```header
        蔬菜套餐团购
        68元/份
        ```

        ```example
        1. 12号301 王阿姨 1份
        .
        1||12||301|王阿姨|蔬菜套餐=1份
        ```

        ```example
        6.

        .
        ```

        ## On behalf (代登记)

        ````markdown
        ```example
        not an example: inside a four-backtick fence
        .
        ```
        ````

        ```example
        （代）5-102 王奶奶 2份
        .
        ! item not named | x

        = 5|1|A=2份|0
        ```
        """;

    private static readonly ImmutableArray<CatalogueItem> Catalogue =
    [
        new("鸡蛋", "盒", 25m, "30枚", "A"),
        new("牛奶", "箱", 68m, "250ml*24盒", "B"),
    ];

    [Test]
    public void Reader_ReadsSectionsHeadersAndExamples()
    {
        var examples = SpecFile.Parse(Spec, "Demo.md");

        Assert.That(examples, Has.Length.EqualTo(3));
        var first = examples[0];
        Assert.Multiple(() =>
        {
            Assert.That(first.Section, Is.EqualTo("Numbering styles"));
            Assert.That(first.Number, Is.EqualTo(1));
            Assert.That(first.Header, Is.EqualTo("蔬菜套餐团购\n68元/份"));
            Assert.That(first.Input, Is.EqualTo("1. 12号301 王阿姨 1份"));
            Assert.That(first.Text, Is.EqualTo("蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份"));
            Assert.That(first.Expected, Is.EqualTo(new[] { "1||12||301|王阿姨|蔬菜套餐=1份" }));
            Assert.That(first.TestName, Is.EqualTo("NumberingStyles_Example001"));
            Assert.That(first.Location, Is.EqualTo("Demo.md:16"));
        });
    }

    [Test]
    public void Reader_KeepsBlankInputLinesAndAllowsAnEmptyExpectation()
    {
        var second = SpecFile.Parse(Spec, "Demo.md")[1];

        Assert.Multiple(() =>
        {
            Assert.That(second.Input, Is.EqualTo("6.\n"));
            Assert.That(second.Expected, Is.Empty);
            Assert.That(second.TestName, Is.EqualTo("NumberingStyles_Example002"));
        });
    }

    [Test]
    public void Reader_ResetsTheHeaderAtANewSectionAndSkipsNestedFences()
    {
        var third = SpecFile.Parse(Spec, "Demo.md")[2];

        Assert.Multiple(() =>
        {
            Assert.That(third.Section, Is.EqualTo("On behalf (代登记)"));
            Assert.That(third.Header, Is.Null);
            Assert.That(third.Text, Is.EqualTo("（代）5-102 王奶奶 2份"));
            Assert.That(third.Expected, Is.EqualTo(new[] { "! item not named | x", "= 5|1|A=2份|0" }));
            Assert.That(third.TestName, Is.EqualTo("OnBehalf代登记_Example003"));
        });
    }

    [Test]
    public void Reader_RejectsAnExampleWithoutSeparator()
    {
        const string bad = "## S\n\n```example\n1. 12-301 1份\n```\n";

        var error = Assert.Throws<FormatException>(() => SpecFile.Parse(bad, "Bad.md"));
        Assert.That(error!.Message, Does.StartWith("Bad.md:3:"));
    }

    [Test]
    public void Reader_RejectsAnUnclosedBlock()
    {
        Assert.Throws<FormatException>(() => SpecFile.Parse("```example\n1.\n.\n", "Bad.md"));
    }

    [Test]
    public void Formatter_WritesEveryEntryField()
    {
        var entry = new ChainEntry
        {
            Seq = 7,
            Address = new Address("一区", "12", "3", "301"),
            Name = "王阿姨",
            Items = [new("鸡蛋", 2m, "盒"), new("牛奶", 0.50m, "箱")],
            Note = "放门口; 下午送",
            Status = EntryStatus.Cancelled,
            IsCorrection = true,
            OnBehalf = true,
            Phone = "13812345678",
            Line = "7. …",
        };

        Assert.That(PostFormatter.FormatEntry(entry),
            Is.EqualTo("7|一区|12|3|301|王阿姨|鸡蛋=2盒;牛奶=0.5箱|放门口; 下午送|cancelled,correction,behalf,phone"));
    }

    [Test]
    public void Formatter_LeavesOffTrailingEmptyFields()
    {
        var entry = new ChainEntry { Address = new Address(null, null, null, "1201"), Line = "1201" };

        Assert.That(PostFormatter.FormatEntry(entry), Is.EqualTo("||||1201"));
    }

    [TestCase(2.00, "2")]
    [TestCase(0.5, "0.5")]
    [TestCase(3.50, "3.5")]
    [TestCase(1.25, "1.25")]
    [TestCase(0, "0")]
    [TestCase(68.50, "68.5")]
    public void Formatter_WritesNumbersWithoutTrailingZeros(decimal value, string expected) =>
        Assert.That(PostFormatter.FormatNumber(value), Is.EqualTo(expected));

    [TestCase("例：12号 301 张三 2份", "12号 301 张三 2份")]
    [TestCase("例 12号 101 张三 1包", "12号 101 张三 1包")]
    [TestCase("格式：楼号+房号+姓名+数量", "楼号+房号+姓名+数量")]
    [TestCase("12号 301 张三 2份", "12号 301 张三 2份")]
    public void Formatter_TakesTheMarkerOffTheExample(string example, string expected) =>
        Assert.That(PostFormatter.ExampleText(example), Is.EqualTo(expected));

    [Test]
    public void Formatter_WritesUnreadLinesTrimmedOnOneLine()
    {
        var unread = new UnreadLine("  3. 2份 \n（放门口）", UnreadReasons.NoHousehold, 9);

        Assert.That(PostFormatter.FormatUnread(unread), Is.EqualTo("! building not found | 3. 2份 \\n（放门口）"));
    }

    [Test]
    public void Formatter_WritesTallyRowsPerBuildingThenTotal()
    {
        var post = HandMadePost();

        var rows = PostFormatter.FormatTally(ChainTally.Compute(post)).ToList();

        Assert.That(rows, Is.EqualTo(new[]
        {
            "= 一区/3|1|鸡蛋=1盒|25",
            "= 一区/12|1|鸡蛋=2盒;牛奶=0.5箱|84",
            "= -|1|牛奶=1箱|68",
            "= total|3|鸡蛋=3盒;牛奶=1.5箱|177",
        }));
    }

    [Test]
    public void Formatter_WritesHeaderFacts()
    {
        var post = HandMadePost();

        var facts = PostFormatter.FactKeys.SelectMany(k => PostFormatter.FormatFact(post, k)).ToList();

        Assert.That(facts, Is.EqualTo(new[]
        {
            "title: 光明牛奶 鸡蛋团购",
            "kind: order",
            "deadline: 2022-04-18T20:00:00+08:00",
            "minimum: null",
            "pickup: 3号楼门口",
            "example: 12号 301 张三 A1 B2",
            "catalogue: 鸡蛋|盒|25|30枚|A",
            "catalogue: 牛奶|箱|68|250ml*24盒|B",
        }));
    }

    [Test]
    public void Comparison_MatchesWhatTheExpectedBlockNames()
    {
        var post = HandMadePost();
        var expected = CompactResult.Parse(
        [
            "deadline: 2022-04-18T20:00:00+08:00",
            "catalogue: 鸡蛋|盒|25|*|A",
            "catalogue: 牛奶|箱|68|*|B",
            "kind: order",
            "1|一区|12|3|301|王阿姨|鸡蛋=2盒;牛奶=0.5箱||",
            "2|一区|3||201||鸡蛋=1盒",
            "|||||Amy|牛奶=1箱",
            "4|一区|3||201||鸡蛋=5盒||cancelled",
            "!no quantity|5. 12-302 陈先生",
        ]);

        var actual = CompactResult.Of(post, expected);

        Assert.That(actual.ToText(), Is.EqualTo(expected.ToText()));
    }

    [TestCase("1||12||301|王|蔬菜套餐=1份|||cancelled")]
    [TestCase("catalogue: 鸡蛋|盒|25|30枚|A|x")]
    [TestCase("= 12|1|鸡蛋=1盒")]
    public void Comparison_RejectsMiscountedFields(string line) =>
        Assert.Throws<FormatException>(() => CompactResult.Parse([line]));

    [Test]
    public void Comparison_FailsOnAMissingEntryOrUnreadLine()
    {
        var post = HandMadePost();
        var expected = CompactResult.Parse(["1|一区|12|3|301|王阿姨|鸡蛋=2盒;牛奶=0.5箱"]);

        var actual = CompactResult.Of(post, expected);

        Assert.That(actual.ToText(), Is.Not.EqualTo(expected.ToText()));
        Assert.That(actual.Unread, Is.EqualTo(new[] { "! no quantity | 5. 12-302 陈先生" }));
    }

    [Test]
    public void Comparison_ComparesTheTallyOnlyWhenAsked()
    {
        var post = HandMadePost();
        var without = CompactResult.Parse(["kind: order"]);
        var with = CompactResult.Parse(["= total|3|鸡蛋=3盒;牛奶=1.5箱|177"]);

        Assert.That(CompactResult.Of(post, without).Tally, Is.Empty);
        Assert.That(CompactResult.Of(post, with).Tally, Has.Count.EqualTo(4));
    }

    [Test]
    public void Comparison_WildcardOnlyCoversItsField()
    {
        var post = HandMadePost();
        var expected = CompactResult.Parse(["catalogue: 鸡蛋|盒|25|*", "catalogue: 牛奶|箱|68|*"]);

        var actual = CompactResult.Of(post, expected, includeEntries: false);

        // The codes A and B are still compared: only the spec field is masked.
        Assert.That(actual.Facts["catalogue"], Is.EqualTo(new[] { "catalogue: 鸡蛋|盒|25|*|A", "catalogue: 牛奶|箱|68|*|B" }));
    }

    [Test]
    public void Comparison_FoldsFullWidthAndTraditionalText()
    {
        var expected = CompactResult.Parse(["1||１２||301|陳先生|鸡蛋=２盒", "title: 雞蛋團購"]);

        Assert.That(expected.ToText(), Is.EqualTo("title: 鸡蛋团购\n1||12||301|陈先生|鸡蛋=2盒"));
    }

    [Test]
    public void VisibleWhitespace_ShowsSpacesTabsAndZeroWidth()
    {
        Assert.That(VisibleWhitespace.Show("1. 12号\u200B301\t王\r\n"), Is.EqualTo("1.·12号⟨200B⟩301→王␍\n"));
    }

    [Test]
    public void SpecFiles_AreWellFormedAndNamedUniquely()
    {
        var examples = SpecFile.LoadAll();
        var duplicates = examples.GroupBy(e => e.TestName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(examples, Has.Length.GreaterThanOrEqualTo(220));
            Assert.That(duplicates, Is.Empty);
            foreach (var example in examples)
                Assert.DoesNotThrow(() => CompactResult.Parse(example.Expected), example.Location);
        });
    }

    [TestCase("Sequence.md")]
    [TestCase("Addresses.md")]
    [TestCase("Names.md")]
    [TestCase("Quantities.md")]
    [TestCase("Items.md")]
    [TestCase("Changes.md")]
    [TestCase("OnBehalf.md")]
    [TestCase("Header.md")]
    [TestCase("Rosters.md")]
    [TestCase("Unread.md")]
    [TestCase("Tally.md")]
    public void SpecFiles_EachTopicHasExamples(string file)
    {
        string path = Path.Combine(RepositoryPaths.SpecDirectory, file);

        Assert.That(File.Exists(path), Is.True, path);
        Assert.That(SpecFile.Load(path), Is.Not.Empty);
    }

    // Three households in 一区 3号, 一区 12号 and (no building) Amy; one cancelled line and one unread line.
    private static ChainPost HandMadePost()
    {
        var header = new ChainHeader
        {
            Title = "光明牛奶 鸡蛋团购",
            Catalogue = Catalogue,
            Deadline = new DateTimeOffset(2022, 4, 18, 12, 0, 0, TimeSpan.Zero),
            Pickup = "3号楼门口",
            Example = "例：12号 301 张三 A1 B2",
        };
        ImmutableArray<ChainEntry> entries =
        [
            new() { Seq = 1, Address = new("一区", "12", "3", "301"), Name = "王阿姨", Items = [new("鸡蛋", 2m, "盒"), new("牛奶", 0.5m, "箱")], Line = "1." },
            new() { Seq = 2, Address = new("一区", "3", null, "201"), Items = [new("鸡蛋", 1m, "盒")], Line = "2." },
            new() { Name = "Amy", Items = [new("牛奶", 1m, "箱")], Line = "Amy" },
            new() { Seq = 4, Address = new("一区", "3", null, "201"), Items = [new("鸡蛋", 5m, "盒")], Status = EntryStatus.Cancelled, Line = "4." },
        ];
        return new ChainPost(header, entries, [new UnreadLine("5. 12-302 陈先生", UnreadReasons.NoQuantity, 9)]);
    }
}
