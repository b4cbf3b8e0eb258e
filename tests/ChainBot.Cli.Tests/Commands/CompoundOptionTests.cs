using System.Text.Json;
using ChainBot.Cli.Tests.Export;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>
/// <c>--compound PATH</c> on <c>tally</c> and <c>replay</c>: a per-zone section in the human report, the tally's
/// <c>zones</c> array in the JSON (held to the schema, and adding up to the total), and a bad file refused in one
/// line per problem.
/// </summary>
public class CompoundOptionTests : TempDirFixture
{
    private static string SampleCompound => ExportTests.SampleCompound("json");

    [TestCase("tally", "zoned.jsonl")]
    [TestCase("replay", "zoned.jsonl")]
    [TestCase("tally", "post.txt")]
    public void The_json_zones_conform_to_the_schema_and_add_up_to_the_total(string command, string name)
    {
        string transcript = ExportTests.ZonedTranscript;
        string text = JsonDocument.Parse(transcript).RootElement.GetProperty("text").GetString()!;
        string file = Dir.Write(name, name.EndsWith(".txt", StringComparison.Ordinal) ? text : transcript);

        string[] args = command == "replay"
            ? [command, file, "--json", "--compound", SampleCompound]
            : [command, file, "--json", "--compound", SampleCompound, "--time", "2022-04-19T09:00:00+08:00"];
        var run = CliRun.InProcess(args);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var json = OutputJson.Parse(run.Stdout);
        Assert.That(Schema.Check(json), Is.Empty);
        var tally = json.GetProperty("chains")[0].GetProperty("tally");
        var zones = tally.GetProperty("zones").EnumerateArray().ToList();
        Assert.That(zones.Select(static z => z.GetProperty("level").GetString() + " " + z.GetProperty("name").GetString()), Is.EqualTo(new[]
        {
            "area 一区", "group 一营", "group 二营", "area 二区", "group 三营", "area 三区", "group 四营", "group 五营", "area 四区", "group 六营", "unzoned 未分区",
        }));
        var tops = zones.Where(static z => z.GetProperty("level").GetString() != "group").ToList();
        var total = tally.GetProperty("total");
        Assert.That(tops.Sum(static z => z.GetProperty("households").GetInt32()), Is.EqualTo(total.GetProperty("households").GetInt32()));
        Assert.That(tops.Sum(static z => z.GetProperty("amount").GetDecimal()), Is.EqualTo(total.GetProperty("amount").GetDecimal()));
        Assert.That(zones[1].GetProperty("buildings").EnumerateArray().Select(static b => b.GetString()), Is.EqualTo(new[] { "5", "一区7" }));
    }

    [Test]
    public void Without_the_option_the_json_has_no_zones()
    {
        string file = Dir.Write("zoned.jsonl", ExportTests.ZonedTranscript);

        var run = CliRun.InProcess(["tally", file, "--json"]);

        var tally = OutputJson.Parse(run.Stdout).GetProperty("chains")[0].GetProperty("tally");
        Assert.That(tally.TryGetProperty("zones", out _), Is.False);
    }

    [Test]
    public void The_human_report_has_a_row_per_area_and_group()
    {
        string file = Dir.Write("zoned.jsonl", ExportTests.ZonedTranscript);

        var run = CliRun.InProcess(["tally", file, "--compound", SampleCompound]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("Zones (天山新村: 4 areas, 6 groups)"));
        Assert.That(run.Stdout, Does.Contain("  一营"));
        Assert.That(run.Stdout, Does.Contain("未分区"));
    }

    [TestCase("tally")]
    [TestCase("replay")]
    [TestCase("export")]
    public void A_bad_compound_file_exits_1_with_a_line_per_problem(string command)
    {
        string transcript = Dir.Write("zoned.jsonl", ExportTests.ZonedTranscript);
        string compound = Dir.Write("compound.csv", "area,group,building\n一区,一营,1\n一区,二营,1\n二区,一营,2\n");
        string[] args = command == "export"
            ? ["export", transcript, "--format", "csv", "--out", Path.Combine(Dir.Root, "out"), "--compound", compound]
            : [command, transcript, "--compound", compound];

        var run = CliRun.InProcess(args);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Is.EqualTo(new[]
        {
            $"chainbot: {compound}: line 3: building 1 of 一区 is in two groups: 一营 (line 2) and 二营 (line 3)",
            $"chainbot: {compound}: line 4: group 一营 is in two areas: 一区 (line 2) and 二区 (line 4)",
        }));
    }
}
