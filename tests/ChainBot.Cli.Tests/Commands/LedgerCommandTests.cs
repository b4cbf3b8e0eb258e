using System.Text.Json;
using ChainBot.Cli.Tests.Export;
using ChainBot.Cli.Tests.Schema;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>
/// <c>chainbot ledger</c> on <c>samples/transcripts/ledger.jsonl</c> (three weeks of a building's rosters): the
/// tables, the JSON held to its schema, the workbook and CSV files read back, and the mistakes a user can make.
/// </summary>
public sealed class LedgerCommandTests : TempDirFixture
{
    private static readonly JsonSchemaChecker LedgerSchema =
        JsonSchemaChecker.Load(Path.Combine(AppContext.BaseDirectory, "schemas", "chainbot-ledger.schema.json"));

    private static string Sample => Path.Combine(ExportTests.RepositoryRoot(), "samples", "transcripts", "ledger.jsonl");

    [Test]
    public void Prints_each_ledger_with_its_current_households_in_room_order()
    {
        var run = CliRun.InProcess(["ledger", Sample]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var lines = run.Stdout.Split('\n');
        Assert.That(lines.Where(l => l.EndsWith("ledger (台账)", StringComparison.Ordinal)), Is.EqualTo(new[] { "配药 ledger (台账)", "行动不便 ledger (台账)", "外出 ledger (台账)" }));
        var medicine = lines.SkipWhile(l => !l.StartsWith("Current (4)", StringComparison.Ordinal)).Skip(3).Take(4).ToList();
        Assert.That(medicine.Select(l => l[..9].Trim()), Is.EqualTo(new[] { "15号 201", "15号 302", "15号 502", "15号 901" }));
        Assert.That(medicine[2], Does.Contain("格列齐特 2盒；医生换药了").And.Contain("2022-04-26 08:40"));
        Assert.That(medicine[0], Does.Contain("(on behalf)"));
        Assert.That(run.Stdout, Does.Contain("1 household cancelled, with no current registration (see --history)."));
        Assert.That(run.Stdout, Does.Not.Contain("13812345678").And.Not.Contain("15号 601"));
    }

    [Test]
    public void History_lists_every_registration_newest_first_the_cancellation_included()
    {
        var run = CliRun.InProcess(["ledger", Sample, "--name", "配药", "--history"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var rows = run.Stdout.Split('\n').SkipWhile(l => !l.StartsWith("History (9)", StringComparison.Ordinal)).Skip(3).Where(l => l.Length > 0).ToList();
        Assert.That(rows, Has.Count.EqualTo(9));
        Assert.That(rows.Where(l => l.StartsWith("15号 502", StringComparison.Ordinal)).Select(l => l.Contains("current", StringComparison.Ordinal) ? "格列齐特" : l.Contains("二甲双胍", StringComparison.Ordinal) ? "二甲双胍" : "?"),
            Is.EqualTo(new[] { "格列齐特", "二甲双胍" }));
        var chen = rows.Where(l => l.StartsWith("15号 601", StringComparison.Ordinal)).ToList();
        Assert.That(chen[0], Does.Contain("cancelled").And.Contain("ldg-21"));
        Assert.That(chen[1], Does.Contain("earlier").And.Contain("ldg-05"));
        Assert.That(run.Stdout, Does.Not.Contain("行动不便 ledger"));
    }

    [Test]
    public void Json_follows_its_schema_and_keeps_the_history()
    {
        var run = CliRun.InProcess(["ledger", Sample, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var root = OutputJson.Parse(run.Stdout);
        Assert.That(LedgerSchema.Check(root), Is.Empty);
        var ledgers = root.GetProperty("ledgers").EnumerateArray().ToList();
        Assert.That(ledgers.Select(l => l.GetProperty("name").GetString()), Is.EqualTo(new[] { "配药", "行动不便", "外出" }));
        var medicine = ledgers[0];
        Assert.That(medicine.GetProperty("chains").GetInt32(), Is.EqualTo(2));
        Assert.That(medicine.GetProperty("current").GetInt32(), Is.EqualTo(4));
        var households = medicine.GetProperty("households").EnumerateArray().ToList();
        Assert.That(households.Select(h => h.GetProperty("room").GetString()), Is.EqualTo(new[] { "201", "302", "502", "601", "901" }));
        var chen = households[3];
        Assert.That(chen.GetProperty("current").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(chen.GetProperty("history").EnumerateArray().Select(r => r.GetProperty("status").GetString()), Is.EqualTo(new[] { "cancelled", "active" }));
        var zhang = households[0].GetProperty("current");
        Assert.That(zhang.GetProperty("onBehalf").GetBoolean(), Is.True);
        Assert.That(zhang.GetProperty("addedBy").GetString(), Is.EqualTo("u_vol_xu"));
        Assert.That(zhang.GetProperty("chain").GetInt32(), Is.EqualTo(4));
        Assert.That(run.Stdout, Does.Not.Contain("13812345678"));
    }

    [Test]
    public void At_a_time_gives_the_ledgers_as_they_stood_then_and_a_word_finds_its_ledger()
    {
        var run = CliRun.InProcess(["ledger", Sample, "--json", "--name", "配药登记", "--at", "2022-04-22T00:00:00+08:00"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var medicine = OutputJson.Parse(run.Stdout).GetProperty("ledgers").EnumerateArray().Single();
        Assert.That(medicine.GetProperty("name").GetString(), Is.EqualTo("配药"));
        Assert.That(medicine.GetProperty("chains").GetInt32(), Is.EqualTo(1));
        Assert.That(medicine.GetProperty("households").EnumerateArray().Select(h => h.GetProperty("current").GetProperty("content").GetString()),
            Is.EqualTo(new[] { "硝苯地平 2盒", "氨氯地平 2盒；医保卡已交", "二甲双胍 3盒", "阿司匹林 1盒" }));
    }

    [Test]
    public void The_workbook_has_a_sheet_per_ledger_and_the_history_with_names_shortened_and_no_phone()
    {
        string output = Path.Combine(Dir.Root, "out");
        var run = CliRun.InProcess(["ledger", Sample, "--format", "xlsx", "--out", output]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var titles = new List<string>();
        var tables = ExportReadBack.Workbook(Path.Combine(output, "台账.xlsx"), titles);
        Assert.That(tables.Select(t => t.Name), Is.EqualTo(new[] { "配药", "行动不便", "外出", "历史" }));
        var medicine = tables[0];
        Assert.That(medicine.Header, Is.EqualTo(new[] { "楼号", "房号", "姓名", "登记内容", "登记时间", "登记人", "次数" }));
        Assert.That(titles[0], Is.EqualTo("配药台账 · 现登记4户，来自2次接龙"));
        Assert.That(medicine.Rows.Select(r => string.Join("|", r)), Is.EqualTo(new[]
        {
            "15|201|张**|硝苯地平 2盒|2022-04-26 09:12|15号楼志愿者小徐（代登记）|2",
            "15|302|刘**|氨氯地平 2盒|2022-04-26 08:06|刘阿姨|2",
            "15|502|王**|格列齐特 2盒；医生换药了|2022-04-26 08:40|王伯伯|2",
            "15|901|高*|缬沙坦 1盒|2022-04-26 11:02|高|1",
        }));
        var history = tables[3];
        Assert.That(history.Rows, Has.Count.EqualTo(9 + 2 + 2));
        Assert.That(history.Rows.Where(r => r[2] == "601" && r[0] == "配药").Select(r => r[history.Column("状态")]), Is.EqualTo(new[] { "已取消", "以往" }));
        Assert.That(tables.SelectMany(t => t.AllText), Has.None.Contains("13812345678").And.None.Contains("刘阿姨 "));
    }

    [Test]
    public void Csv_files_hold_the_same_tables_and_phones_come_only_with_phones()
    {
        string plain = Path.Combine(Dir.Root, "plain");
        string phones = Path.Combine(Dir.Root, "phones");
        Assert.That(CliRun.InProcess(["ledger", Sample, "--format", "csv", "--out", plain]).ExitCode, Is.EqualTo(0));
        // Before the second week, 陈's registration with his phone number stands.
        var run = CliRun.InProcess(["ledger", Sample, "--format", "csv", "--out", phones, "--phones", "--at", "2022-04-22T00:00:00+08:00", "--name", "配药"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);

        var tables = ExportReadBack.CsvFolder(Path.Combine(plain, "台账"));
        Assert.That(tables.Select(t => t.Name), Is.EqualTo(new[] { "配药", "行动不便", "外出", "历史" }));
        Assert.That(tables[0].Rows.Select(r => r[2]), Is.EqualTo(new[] { "张**", "刘**", "王**", "高*" }));
        Assert.That(tables.SelectMany(t => t.AllText), Has.None.Contains("13812345678"));

        var withPhones = ExportReadBack.CsvFolder(Path.Combine(phones, "台账"))[0];
        var chen = withPhones.Rows.Single(r => r[1] == "601");
        Assert.That(chen[withPhones.Column("姓名")], Is.EqualTo("陈"));
        Assert.That(chen[withPhones.Column("电话")], Is.EqualTo("13812345678"));
    }

    [TestCase(new[] { "--name", "核酸" }, "no ledger named '核酸'")]
    [TestCase(new[] { "--phones" }, "--phones is for --format files only")]
    [TestCase(new[] { "--format", "xlsx" }, "--format and --out go together")]
    [TestCase(new[] { "--json", "--format", "csv", "--out", "x" }, "--json prints; --format writes files")]
    [TestCase(new[] { "--at", "soon" }, "--at")]
    [TestCase(new[] { "--add-ledger", "=大白" }, "--add-ledger '=大白' names no ledger")]
    public void Mistakes_get_one_clear_line_and_exit_code_1(string[] options, string said)
    {
        var run = CliRun.InProcess(["ledger", Sample, .. options]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Does.Contain(said));
        Assert.That(run.Stderr, Does.Not.Contain("   at "));
    }

    [Test]
    public void A_ledger_added_on_the_command_line_is_built_after_the_defaults()
    {
        string transcript = Dir.Write("dabai.jsonl",
            "{\"msgId\":\"d1\",\"groupId\":\"g\",\"senderId\":\"tz\",\"senderName\":\"团长\",\"time\":\"2022-04-18T09:00:00+08:00\",\"text\":\"#接龙\\n12号楼 大白报名\\n例：1号101 张三\\n\\n1. 12-301 王阿姨 周末有空\",\"mentioned\":false}\n");

        var without = CliRun.InProcess(["ledger", transcript, "--json"]);
        var with = CliRun.InProcess(["ledger", transcript, "--json", "--add-ledger", "核酸志愿者=核酸志愿，大白报名"]);

        Assert.That(OutputJson.Parse(without.Stdout).GetProperty("ledgers").GetArrayLength(), Is.EqualTo(0));
        Assert.That(with.ExitCode, Is.EqualTo(0), with.Stderr);
        var ledger = OutputJson.Parse(with.Stdout).GetProperty("ledgers")[0];
        Assert.That(ledger.GetProperty("name").GetString(), Is.EqualTo("核酸志愿者"));
        Assert.That(ledger.GetProperty("households")[0].GetProperty("room").GetString(), Is.EqualTo("301"));
    }

    [Test]
    public void A_transcript_without_rosters_says_it_has_no_ledger()
    {
        string growing = Path.Combine(ExportTests.RepositoryRoot(), "samples", "transcripts", "growing.jsonl");

        var run = CliRun.InProcess(["ledger", growing]);
        var json = CliRun.InProcess(["ledger", growing, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.StartWith("No ledger in"));
        Assert.That(OutputJson.Parse(json.Stdout).GetProperty("ledgers").GetArrayLength(), Is.EqualTo(0));
    }

    [Test]
    public void Runs_as_a_process()
    {
        var run = CliRun.AsProcess("ledger", Sample, "--name", "外出");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.StartWith("外出 ledger (台账)"));
        Assert.That(run.Stdout, Does.Contain("15号 1102  孙"));
    }
}
