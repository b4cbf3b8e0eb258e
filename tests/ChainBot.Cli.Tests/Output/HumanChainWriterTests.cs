using ChainBot.Cli.Input;
using ChainBot.Cli.Output;
using ChainBot.Cli.Tests.Support;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;

namespace ChainBot.Cli.Tests.Output;

public class HumanChainWriterTests
{
    private static readonly SourcedPost Source = new("…", new DateTimeOffset(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8)));

    private static string Parse(ChainPost post, bool terminal = false)
    {
        using var output = new StringWriter();
        Writer(output, terminal).WriteEntries(new PickedChain(post, Source), "post.txt");
        return output.ToString();
    }

    private static string Tally(ChainPost post, bool terminal = false)
    {
        using var output = new StringWriter();
        Writer(output, terminal).WriteTally(new PickedChain(post, Source), ChainTally.Compute(post), "post.txt");
        return output.ToString();
    }

    private static HumanChainWriter Writer(TextWriter output, bool terminal) =>
        new(terminal ? new SpectreRenderer(output, 160) : new PlainTextRenderer(output));

    [Test]
    public void Parse_shows_header_catalogue_entries_and_unread_lines()
    {
        string text = Parse(Samples.Order());

        Assert.That(text, Does.StartWith("4月18日 天山三村 蔬菜套餐团购\n"));
        Assert.That(text, Does.Contain("Kind: order"));
        Assert.That(text, Does.Contain("Deadline: 2022-04-18 20:00 +08:00"));
        Assert.That(text, Does.Contain("Catalogue"));
        Assert.That(text, Does.Match(@"蔬菜套餐\s+份\s+¥68\.00\s+每份约5斤"));
        Assert.That(text, Does.Contain("Entries (5)"));
        Assert.That(text, Does.Match(@"2\s+一区 15号 3单元 502\s+李\s+蔬菜套餐 2份, 鸡蛋 1\.5盒\s+active, on behalf, phone 138\*\*\*\*5678\s+放门口就行"));
        Assert.That(text, Does.Contain("cancelled"));
        Assert.That(text, Does.Contain("active, correction"));
        Assert.That(text, Does.Contain("Unread lines (1)"));
        Assert.That(text, Does.Match(@"13\s+6\. 7号 1102 刘 要一些\s+no quantity"));
    }

    [Test]
    public void Tally_shows_a_row_per_building_and_the_totals_in_yuan()
    {
        var post = Samples.Order();
        var tally = ChainTally.Compute(post);

        string text = Tally(post);

        Assert.That(text, Does.Contain($"Tally ({tally.Buildings.Length} buildings)"));
        Assert.That(text, Does.Match(@"12号\s+1\s+蔬菜套餐 1份\s+¥68\.00"));
        Assert.That(text, Does.Match(@"一区 15号\s+1\s+蔬菜套餐 2份, 鸡蛋 1\.5盒\s+¥136\.00"));
        Assert.That(text, Does.Match(@"\(no building\)\s+1\s+蔬菜套餐 1份\s+¥68\.00"));
        Assert.That(text, Does.Match($@"Total\s+{tally.Total.Households}\s+蔬菜套餐 7份, 鸡蛋 1\.5盒\s+¥476\.00"));
        Assert.That(text, Does.Contain("Unread lines (1)"));
        Assert.That(text, Does.Not.Contain("Entries ("), "tally does not list entries");
    }

    [Test]
    public void A_roster_tally_has_no_money()
    {
        string text = Tally(Samples.Roster());

        Assert.That(text, Does.Contain("Kind: roster"));
        Assert.That(text, Does.Match(@"15号\s+1\s+氨氯地平 2盒"));
        Assert.That(text, Does.Not.Contain("¥"));
        Assert.That(text, Does.Not.Contain("Amount"));
        Assert.That(text, Does.Contain("Unread lines: none"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Phone_numbers_appear_only_masked(bool terminal)
    {
        var post = Samples.Order();
        post = post with
        {
            Entries = post.Entries.Add(new ChainEntry { Seq = 6, Name = "张13912348888", Phone = "13912348888", Note = "电话 13912348888", Line = "6. 张 13912348888" }),
        };

        string text = Parse(post, terminal) + Tally(post, terminal);

        Assert.That(text, Does.Not.Contain(Samples.RawPhone));
        Assert.That(text, Does.Not.Contain("13912348888"));
        Assert.That(text, Does.Contain("139****8888"));
    }

    [Test]
    public void Plain_text_has_no_ANSI_codes_even_when_the_group_typed_some()
    {
        var post = Samples.Order();
        post = post with
        {
            Header = post.Header with { Title = "\u001b[2J团购" },
            Entries = post.Entries.Add(new ChainEntry { Seq = 6, Name = "\u001b[31m红\u001b[0m", Note = "a\u009bb", Line = "6." }),
        };

        string text = Parse(post) + Tally(post);

        // Ordinal: under a culture comparison control characters are ignorable and "found" everywhere.
        Assert.That(text.Contains('\u001b', StringComparison.Ordinal), Is.False);
        Assert.That(text.Contains('\u009b', StringComparison.Ordinal), Is.False);
        Assert.That(text, Does.Contain("[31m红"), "the rest of the text is kept");
    }

    [Test]
    public void Line_breaks_inside_a_cell_do_not_break_the_table()
    {
        var post = Samples.Roster();
        post = post with { Entries = [post.Entries[0] with { Note = "第一行\n第二行" }] };

        string text = Parse(post);

        Assert.That(text, Does.Contain("第一行 / 第二行"));
    }

    [Test]
    public void Plain_columns_line_up_by_display_width()
    {
        using var output = new StringWriter();
        var table = new ReportTable("T", ["Name", "Qty"], new HashSet<int> { 1 });
        table.Add("王阿姨", "1");
        table.Add("Amy", "22");
        table.Add("🌸花花", "333");
        new PlainTextRenderer(output).Table(table);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();

        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.That(lines.Select(l => DisplayWidth.Of(l)).Distinct().Count(), Is.EqualTo(1), string.Join("\n", lines));
        Assert.That(lines[2], Does.StartWith("王阿姨  "));
    }

    [Test]
    public void A_terminal_gets_Spectre_tables()
    {
        string text = Tally(Samples.Order(), terminal: true);

        Assert.That(text, Does.Contain("╭"), "rounded table border");
        Assert.That(text, Does.Contain("¥476.00"));
        Assert.That(text, Does.Contain("王阿姨").Or.Contain("12号"));
    }

    [TestCase("王阿姨", 6)]
    [TestCase("Amy", 3)]
    [TestCase("１２号", 6)]
    [TestCase("🌸", 2)]
    [TestCase("e\u0301", 1)]
    public void Display_width_counts_wide_characters_twice(string text, int width) =>
        Assert.That(DisplayWidth.Of(text), Is.EqualTo(width));

    [TestCase(68, "¥68.00")]
    [TestCase(0.5, "¥0.50")]
    [TestCase(1234.567, "¥1234.57")]
    public void Money_has_two_decimals_and_the_yuan_sign(decimal amount, string text) =>
        Assert.That(HumanChainWriter.MoneyText(amount), Is.EqualTo(text));
}
