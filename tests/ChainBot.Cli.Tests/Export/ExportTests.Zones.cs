using ChainBot.Cli.Tests.Support;
using ChainBot.Core.Compounds;
using ChainBot.Exports;

namespace ChainBot.Cli.Tests.Export;

/// <summary>
/// <c>chainbot export --compound</c>: the 分区汇总 sheet read back — each group's and area's households, items and
/// amount equal the sums of their buildings in the tally, the areas and 未分区 add up to the total line, which equals
/// the supplier's order — and the building lists come zone by zone.
/// </summary>
public sealed partial class ExportTests
{
    /// <summary>A chain with lines in every group of the sample compound, and one in a building it does not list.</summary>
    internal const string ZonedTranscript =
        """{"msgId":"z-01","groupId":"g1","senderId":"u_tz","senderName":"团长","time":"2022-04-19T08:30:05+08:00","text":"#接龙\n4月19日 肉蛋团购\nA. 猪肉 38元/份\nB. 鸡蛋 26元/盒\n截止时间：今晚8点\n\n1. 5号301 王 A1 B1\n2. 20号502 李 A2\n3. 40-101 陈 B3\n4. 60号 1102 刘 A1\n5. 80号601 赵 A1 B2\n6. 100号 201 周 B1\n7. 5号302 吴 A3\n8. 200号 101 郑 A1\n9. 一区7号 801 孙 B1"}"""
        + "\n";

    /// <summary>The sample compound file (samples/compound/) in the given form.</summary>
    internal static string SampleCompound(string extension) => Path.Combine(RepositoryRoot(), "samples", "compound", "compound." + extension);

    [Test]
    public void The_zone_sheet_sums_the_tally_by_group_and_area([ValueSource(nameof(Formats))] string format)
    {
        string transcript = Dir.Write("zoned.jsonl", ZonedTranscript);
        string output = Path.Combine(Dir.Root, "out");
        var run = CliRun.InProcess(["export", transcript, "--format", format, "--out", output, "--compound", SampleCompound("csv")]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var chain = Replay(transcript).Single();
        var tally = chain.Tally();
        var compound = CompoundReader.Read(File.ReadAllText(SampleCompound("csv")), "compound.csv").Compound!;
        var tables = Read(output, format, chain);
        Assert.That(tables.Select(static t => t.Name).Take(2), Is.EqualTo(new[] { ExportTableBuilder.SupplierOrderName, ExportTableBuilder.ZonesName }));
        var zones = tables.Single(static t => t.Name == ExportTableBuilder.ZonesName);
        int area = zones.Column("片区"), group = zones.Column("营"), households = zones.Column("户数"), amount = zones.Column("金额（元）");

        using (Assert.EnterMultipleScope())
        {
            // Each group row: the sums of its buildings in the tally.
            foreach (var row in zones.Rows.Where(static r => r[1].Length > 0 && r[1] != "片区小计"))
            {
                var buildings = tally.Buildings.Where(b => compound.Locate(b.Area, b.Building)?.Group.Name == row[group]).ToList();
                Assert.That(Number(row[households]), Is.EqualTo(buildings.Sum(static b => b.Households)), row[group]);
                Assert.That(Number(row[amount]), Is.EqualTo(buildings.Sum(static b => b.Amount)), row[group]);
                foreach (var item in tally.Total.Items)
                {
                    decimal sum = buildings.SelectMany(static b => b.Items).Where(q => q.Item == item.Item).Sum(static q => q.Quantity);
                    Assert.That(Number(row[zones.Column($"{item.Item}（{item.Unit}）")]), Is.EqualTo(sum), $"{row[group]} {item.Item}");
                }
            }
            Assert.That(zones.Rows.Where(static r => r[1].Length > 0 && r[1] != "片区小计").Select(r => r[group]),
                Is.EqualTo(new[] { "一营", "二营", "三营", "四营", "五营", "六营" }));
            // The areas' subtotals and 未分区 add up to the total line, which is the supplier's order's.
            var tops = zones.Rows.Where(static r => r[1] == "片区小计" || r[1].Length == 0).ToList();
            Assert.That(tops.Select(r => r[area]), Is.EqualTo(new[] { "一区", "二区", "三区", "四区", "未分区" }));
            Assert.That(tops.Sum(r => Number(r[households])), Is.EqualTo(tally.Total.Households));
            Assert.That(tops.Sum(r => Number(r[amount])), Is.EqualTo(tally.Total.Amount));
            Assert.That(Number(tops[^1][households]), Is.EqualTo(1), "building 200 is not in the file");
            var order = tables.Single(static t => t.Name == ExportTableBuilder.SupplierOrderName);
            Assert.That(Number(zones.Total![amount]), Is.EqualTo(Number(order.Total![order.Column("金额（元）")])));
            Assert.That(Number(zones.Total[households]), Is.EqualTo(tally.Total.Households));
            foreach (var item in tally.Total.Items)
                Assert.That(Number(zones.Total[zones.Column($"{item.Item}（{item.Unit}）")]), Is.EqualTo(item.Quantity), item.Item);

            // The building lists zone by zone: 一区7 (一营) after 5; 100 (六营) before 200, which no zone holds.
            Assert.That(tables.Where(static t => t.Name.StartsWith(ExportTableBuilder.BuildingListName, StringComparison.Ordinal)).Select(static t => t.Name),
                Is.EqualTo(new[] { "5号楼", "一区7号楼", "20号楼", "40号楼", "60号楼", "80号楼", "100号楼", "200号楼" }.Select(static b => ExportTableBuilder.BuildingListName + " " + b)));
        }
    }

    [Test]
    public void Without_a_compound_there_is_no_zone_sheet()
    {
        string transcript = Dir.Write("zoned.jsonl", ZonedTranscript);
        string output = Path.Combine(Dir.Root, "out");
        Assert.That(CliRun.InProcess(["export", transcript, "--format", "csv", "--out", output]).ExitCode, Is.EqualTo(0));

        var chain = Replay(transcript).Single();
        var tables = Read(output, "csv", chain);
        Assert.That(tables.Select(static t => t.Name), Has.None.EqualTo(ExportTableBuilder.ZonesName));
        CheckAgainstTally(chain, tables);
    }

    [Test]
    public void Workbooks_with_a_zone_sheet_pass_the_Open_XML_validator()
    {
        string transcript = Dir.Write("zoned.jsonl", ZonedTranscript);
        string output = Path.Combine(Dir.Root, "out");
        Assert.That(CliRun.InProcess(["export", transcript, "--format", "xlsx", "--out", output, "--compound", SampleCompound("json")]).ExitCode, Is.EqualTo(0));
        var validator = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(Directory.GetFiles(output, "*.xlsx").Single(), isEditable: false);
        Assert.That(validator.Validate(document).Select(static e => e.Description), Is.Empty);
    }
}
