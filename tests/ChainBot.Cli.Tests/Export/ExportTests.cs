using System.Globalization;
using System.Text.RegularExpressions;
using ChainBot.Exports;
using ChainBot.Cli.Input;
using ChainBot.Cli.Tests.Support;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Tally;
using ChainBot.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace ChainBot.Cli.Tests.Export;

/// <summary>
/// <c>chainbot export</c> on the sample transcripts, in both formats: every file is read back (the workbook with the
/// Open XML SDK, the CSV files with a reader of our own) and its numbers are held to the chain's
/// <see cref="ChainState.Tally"/>: item totals, each building's households and amount, the payments.
/// </summary>
public sealed partial class ExportTests : TempDirFixture
{
    private static readonly string[] Transcripts = ["late", "interleaved"];
    private static readonly string[] Formats = ["xlsx", "csv"];

    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex PhoneNumber();

    [Test]
    public void Sample_transcripts_export_the_tally([ValueSource(nameof(Transcripts))] string name, [ValueSource(nameof(Formats))] string format)
    {
        string transcript = Path.Combine(RepositoryRoot(), "samples", "transcripts", name + ".jsonl");
        string output = Path.Combine(Dir.Root, "out");
        var run = CliRun.InProcess(["export", transcript, "--format", format, "--out", output]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var chains = Replay(transcript);
        Assert.That(chains, Is.Not.Empty);
        foreach (var chain in chains)
        {
            var tables = Read(output, format, chain);
            CheckAgainstTally(chain, tables);
            foreach (var table in tables)
            {
                Assert.That(ExportNames.IsValidSheetName(table.Name), Is.True, $"bad sheet name {table.Name}");
                Assert.That(table.AllText.Where(t => PhoneNumber().IsMatch(t)), Is.Empty, $"a phone number in {table.Name}");
            }
        }
    }

    [Test]
    public void Phone_numbers_only_with_phones([ValueSource(nameof(Formats))] string format)
    {
        string transcript = Dir.Write("phones.jsonl", PhoneTranscript);
        var without = CliRun.InProcess(["export", transcript, "--format", format, "--out", Path.Combine(Dir.Root, "plain")]);
        var with = CliRun.InProcess(["export", transcript, "--format", format, "--out", Path.Combine(Dir.Root, "phones"), "--phones"]);
        Assert.That(without.ExitCode, Is.EqualTo(0), without.Stderr);
        Assert.That(with.ExitCode, Is.EqualTo(0), with.Stderr);

        var chain = Replay(transcript).Single();
        var plain = Read(Path.Combine(Dir.Root, "plain"), format, chain);
        var phones = Read(Path.Combine(Dir.Root, "phones"), format, chain);
        Assert.That(plain.SelectMany(static t => t.AllText).Where(t => PhoneNumber().IsMatch(t)), Is.Empty);
        Assert.That(plain.Where(static t => t.Name.StartsWith(ExportTableBuilder.BuildingListName, StringComparison.Ordinal)).Select(static t => t.Header),
            Has.None.Contains("电话"));

        var building = phones.Single(static t => t.Name == "分楼清单 12号楼");
        int phone = building.Column("电话");
        Assert.That(building.Rows.Select(r => r[phone]), Is.EqualTo(new[] { "13812345678", "" }));
        Assert.That(phones.Single(static t => t.Name == "分楼清单 15号楼").Rows.Single()[phone], Is.EqualTo("13812345678"));
        CheckAgainstTally(chain, phones);
    }

    [Test]
    public void Pickups_registered_in_the_group_are_ticked_in_the_building_lists([ValueSource(nameof(Formats))] string format)
    {
        string transcript = Dir.Write("pickups.jsonl", PhoneTranscript
            + """{"msgId":"p-02","groupId":"g1","senderId":"u_tz","senderName":"团长","time":"2022-04-19T21:00:00+08:00","text":"到货"}""" + "\n"
            + """{"msgId":"p-03","groupId":"g1","senderId":"u_vol","senderName":"志愿者","time":"2022-04-19T21:05:00+08:00","text":"12号301 已取"}""" + "\n");
        var run = CliRun.InProcess(["export", transcript, "--format", format, "--out", Path.Combine(Dir.Root, "out")]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var chain = Replay(transcript).Single();
        var tables = Read(Path.Combine(Dir.Root, "out"), format, chain);
        var building = tables.Single(static t => t.Name == "分楼清单 12号楼");
        int sign = building.Column("签收");
        Assert.That(building.Rows.Select(r => (r[0], r[sign])), Is.EqualTo(new[] { ("301", "已领 04-19 21:05"), ("602", "") }));
        Assert.That(building.Total?[sign], Is.EqualTo("已领1户"));
        CheckAgainstTally(chain, tables);
    }

    [Test]
    public void Raw_files_hold_no_phone_number_without_phones()
    {
        // The CSV bytes, not only the cells: nothing hides a number in a part the readers skip.
        string transcript = Dir.Write("phones.jsonl", PhoneTranscript);
        string output = Path.Combine(Dir.Root, "out");
        Assert.That(CliRun.InProcess(["export", transcript, "--format", "csv", "--out", output]).ExitCode, Is.EqualTo(0));
        foreach (string file in Directory.GetFiles(output, "*", SearchOption.AllDirectories))
            Assert.That(PhoneNumber().IsMatch(File.ReadAllText(file)), Is.False, file);
    }

    [Test]
    public void Workbooks_pass_the_Open_XML_validator([ValueSource(nameof(Transcripts))] string name)
    {
        // No LibreOffice in CI: the SDK's schema validator (Office 2019 rules) stands in for opening the file.
        string transcript = Path.Combine(RepositoryRoot(), "samples", "transcripts", name + ".jsonl");
        string output = Path.Combine(Dir.Root, "out");
        Assert.That(CliRun.InProcess(["export", transcript, "--format", "xlsx", "--out", output, "--phones"]).ExitCode, Is.EqualTo(0));
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        foreach (string file in Directory.GetFiles(output, "*.xlsx"))
        {
            using var document = SpreadsheetDocument.Open(file, isEditable: false);
            var errors = validator.Validate(document).Select(static e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.That(errors, Is.Empty, file);
        }
    }

    [Test]
    public void Sheet_names_are_made_valid_and_unique()
    {
        var names = ExportNames.SheetNames(["分楼清单 [A]:1*2?3/4\\5", "'quoted'", "分楼清单 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十", "Sheet", "sheet", ""]);
        Assert.That(names, Has.All.Matches<string>(static n => n is not null && ExportNames.IsValidSheetName(n)));
        Assert.That(names.Distinct(StringComparer.OrdinalIgnoreCase).Count(), Is.EqualTo(names.Count));
        Assert.That(names[0], Is.EqualTo("分楼清单 _A__1_2_3_4_5"));
        Assert.That(names[4], Is.EqualTo("sheet(2)"));
    }

    [Test]
    public void Export_without_format_fails_with_a_message()
    {
        string transcript = Path.Combine(RepositoryRoot(), "samples", "transcripts", "late.jsonl");
        var run = CliRun.InProcess(["export", transcript, "--format", "pdf", "--out", Dir.Root]);
        Assert.That(run.ExitCode, Is.Not.EqualTo(0));
        Assert.That(run.Stderr, Does.Contain("pdf"));
    }

    private const string PhoneTranscript =
        """{"msgId":"p-01","groupId":"g1","senderId":"u_tz","senderName":"团长","time":"2022-04-19T08:30:05+08:00","text":"#接龙\n4月19日 蔬菜套餐团购\n蔬菜套餐 约5斤 68元/份\n截止时间：今晚8点\n\n1. 12号301 王阿姨 1份 13812345678\n2. 12号602 赵 2份\n3. 15号502 李 1份（放门口 电话13812345678）"}"""
        + "\n";

    /// <summary>Holds an export's tables to the chain's tally.</summary>
    private static void CheckAgainstTally(ChainState chain, List<ReadTable> tables)
    {
        var tally = chain.Tally();
        using var scope = Assert.EnterMultipleScope();

        // 供应商订单: one row per item of the total, its quantity and amount; the total line's amount.
        var order = tables.Single(static t => t.Name == ExportTableBuilder.SupplierOrderName);
        Assert.That(order.Rows.Select(r => (r[order.Column("商品")], r[order.Column("单位")], Number(r[order.Column("数量")]))),
            Is.EqualTo(tally.Total.Items.Select(static i => (i.Item, i.Unit, i.Quantity))));
        Assert.That(Number(order.Total![order.Column("金额（元）")]), Is.EqualTo(tally.Total.Amount));
        Assert.That(order.Rows.Sum(r => Number(r[order.Column("金额（元）")])), Is.EqualTo(tally.Total.Amount));

        // 分楼清单: a table per building, a row per household in room order, items and amounts summing to the building's.
        var buildings = tables.Where(static t => t.Name.StartsWith(ExportTableBuilder.BuildingListName, StringComparison.Ordinal)).ToList();
        Assert.That(buildings.Select(static t => t.Name),
            Is.EqualTo(tally.Buildings.Select(static b => ExportTableBuilder.BuildingListName + " " + ExportTableBuilder.BuildingLabel(b.Area, b.Building))));
        foreach (var (table, building) in buildings.Zip(tally.Buildings))
        {
            Assert.That(table.Rows, Has.Count.EqualTo(building.Households), table.Name);
            Assert.That(table.Total![1], Is.EqualTo($"{building.Households}户"), table.Name);
            foreach (var item in building.Items)
            {
                int column = table.Column($"{item.Item}（{item.Unit}）");
                Assert.That(table.Rows.Sum(r => Number(r[column])), Is.EqualTo(item.Quantity), $"{table.Name} {item.Item}");
                Assert.That(Number(table.Total[column]), Is.EqualTo(item.Quantity), $"{table.Name} {item.Item} total");
            }
            int amount = table.Column("金额（元）");
            Assert.That(table.Rows.Sum(r => Number(r[amount])), Is.EqualTo(building.Amount), table.Name);
            Assert.That(Number(table.Total[amount]), Is.EqualTo(building.Amount), table.Name);
            int sign = table.Column("签收");
            int collected = chain.PickedUp.Keys.Count(h => h.Area == building.Area && h.Building == building.Building
                && chain.Entries.Any(e => e.Counts && e.Entry.Household == h));
            Assert.That(table.Rows.Count(r => r[sign].Length > 0), Is.EqualTo(collected), $"{table.Name} pickups ticked");
            var rooms = table.Rows.Select(r => r[0]).ToList();
            // By entrance (none first), then room, each in natural order: 201, 1-302, 2-601, 2-1101.
            var inOrder = rooms
                .OrderBy(static r => r.Contains('-', StringComparison.Ordinal) ? r[..r.IndexOf('-', StringComparison.Ordinal)] : null, NaturalComparer.Instance)
                .ThenBy(static r => r[(r.IndexOf('-', StringComparison.Ordinal) + 1)..], NaturalComparer.Instance);
            Assert.That(rooms, Is.EqualTo(inOrder), $"{table.Name} rooms in order");
            int name = table.Column("姓名");
            Assert.That(table.Rows.Select(r => r[name]), Has.All.Matches<string>(static n => n is not null && (n.Length == 0 || n.EndsWith('*'))), $"{table.Name} names shortened");
        }

        // 收款: households and amount per building; the total.
        var payments = tables.Single(static t => t.Name == ExportTableBuilder.PaymentsName);
        Assert.That(payments.Rows.Select(r => (r[0], Number(r[1]), Number(r[2]))),
            Is.EqualTo(tally.Buildings.Select(static b => (ExportTableBuilder.BuildingLabel(b.Area, b.Building), (decimal)b.Households, b.Amount))));
        Assert.That((Number(payments.Total![1]), Number(payments.Total[2])), Is.EqualTo(((decimal)tally.Total.Households, tally.Total.Amount)));

        // 待核对: every unread line, conflict, and late line not accepted.
        var check = tables.Single(static t => t.Name == ExportTableBuilder.ToCheckName);
        int kind = check.Column("类型");
        Assert.That(check.Rows.Count(r => r[kind] == "未读懂"), Is.EqualTo(chain.Unread.Count));
        Assert.That(check.Rows.Count(r => r[kind] == "冲突"), Is.EqualTo(chain.Conflicts.Count));
        Assert.That(check.Rows.Count(r => r[kind] == "截止后报名"),
            Is.EqualTo(chain.Entries.Count(static e => e.Late && !e.Accepted && e.Entry.Status == EntryStatus.Active)));
        Assert.That(check.Rows.Count(r => r[kind] == "同户第二条"),
            Is.EqualTo(chain.Entries.Count(e => (chain.MarksOf(e) & EntryMarks.SecondLine) != 0)));
    }

    private static decimal Number(string text) => text.Length == 0 ? 0m : decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    /// <summary>The tables written for <paramref name="chain"/>: its workbook, or its CSV folder.</summary>
    private static List<ReadTable> Read(string output, string format, ChainState chain)
    {
        string prefix = $"接龙{chain.ChainId} ";
        if (format == "xlsx")
        {
            string file = Directory.GetFiles(output, prefix + "*.xlsx").Single();
            var titles = new List<string>();
            var tables = ExportReadBack.Workbook(file, titles);
            Assert.That(titles, Has.All.StartWith(chain.Header.Title ?? ""));
            return tables;
        }
        string folder = Directory.GetDirectories(output, prefix + "*").Single();
        return ExportReadBack.CsvFolder(folder);
    }

    private static List<ChainState> Replay(string transcript)
    {
        Assert.That(PostSource.TryReadTranscript(transcript, out var source, out string? error), Is.True, error);
        return GroupReplay.Run(source!.Messages, ChainMerger.Default).SelectMany(static g => g.State.Chains).ToList();
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChainBot.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("no ChainBot.sln above the tests");
    }
}
