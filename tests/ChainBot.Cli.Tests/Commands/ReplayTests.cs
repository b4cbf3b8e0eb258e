using System.Text.Json;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>
/// <c>chainbot replay</c>, and <c>tally</c> of a transcript, in-process on small transcripts with the real parser and
/// merger: copies growing a chain, an edit by someone else, chatter, a time cut-off, several groups, bad lines.
/// </summary>
public class ReplayTests : TempDirFixture
{
    private const string Header = "#接龙\n4月18日 天山三村 蔬菜套餐团购\n规格：每份约5斤，68元/份\n截止时间：今晚8点\n例：12号 301 张三 2份\n\n";
    private const string Wang = "1. 12号301 王阿姨 1份";
    private const string Li = "2. 15-502 李 2份 " + Samples.RawPhone;
    private const string Chen = "3. 3号楼201 陈先生 1份";

    private static string Chain(params string[] lines) => Header + string.Join("\n", lines);

    private static string Message(string msgId, string time, string senderId, string senderName, string text, string group = "g1") =>
        JsonSerializer.Serialize(new { msgId, groupId = group, senderId, senderName, time = "2022-04-18T" + time + ":00+08:00", text, mentioned = false });

    /// <summary>团长 opens the chain with 王阿姨's line; 李 and 陈 each copy it and add their own.</summary>
    private static readonly string[] Growing =
    [
        Message("m1", "08:00", "u-tz", "团长", Chain(Wang)),
        Message("m2", "08:10", "u-li", "李", Chain(Wang, Li)),
        Message("m3", "08:20", "u-chen", "陈先生", Chain(Wang, Li, Chen)),
    ];

    private string Transcript(params string[] lines) => Dir.Write("chat.jsonl", string.Join("\n", lines) + "\n");

    /// <summary>Runs the command with --json, checks the exit code, stderr and the schema, and returns the document.</summary>
    private static JsonElement Json(params string[] args)
    {
        var run = CliRun.InProcess([.. args, "--json"]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stderr, Is.Empty);
        Assert.That(run.Stdout, Does.Not.Contain(Samples.RawPhone));
        var json = OutputJson.Parse(run.Stdout);
        Assert.That(Schema.Check(json), Is.Empty);
        return json;
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(static e => e.GetString()!)];

    [Test]
    public void A_chain_grown_by_two_copies_has_every_line_once_with_who_added_it()
    {
        var json = Json("replay", Transcript(Growing));

        var chains = json.GetProperty("chains");
        Assert.That(chains.GetArrayLength(), Is.EqualTo(1));
        var chain = chains[0];
        Assert.That(chain.GetProperty("groupId").GetString(), Is.EqualTo("g1"));
        Assert.That(chain.GetProperty("chainId").GetString(), Is.EqualTo("1"));
        Assert.That(chain.GetProperty("openedBy").GetString(), Is.EqualTo("u-tz"));
        Assert.That(chain.GetProperty("openedByName").GetString(), Is.EqualTo("团长"));
        Assert.That(chain.GetProperty("openedAt").GetString(), Is.EqualTo("2022-04-18T08:00:00+08:00"));
        Assert.That(chain.GetProperty("closed").GetBoolean(), Is.False);
        Assert.That(chain.GetProperty("closedBy").ValueKind, Is.EqualTo(JsonValueKind.Null));

        var entries = chain.GetProperty("entries");
        Assert.That(entries.EnumerateArray().Select(static e => e.GetProperty("id").GetInt32()), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(entries.EnumerateArray().Select(static e => e.GetProperty("addedBy").GetString()), Is.EqualTo(new[] { "u-tz", "u-li", "u-chen" }));
        Assert.That(entries[1].GetProperty("addedByName").GetString(), Is.EqualTo("李"));
        Assert.That(entries[1].GetProperty("addedAt").GetString(), Is.EqualTo("2022-04-18T08:10:00+08:00"));
        Assert.That(entries[1].GetProperty("line").GetString(), Does.EndWith(Samples.MaskedPhone));
        foreach (var entry in entries.EnumerateArray())
        {
            Assert.That(entry.GetProperty("changedBy").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(entry.GetProperty("flags").GetArrayLength(), Is.Zero);
        }
        var total = chain.GetProperty("tally").GetProperty("total");
        Assert.That(total.GetProperty("households").GetInt32(), Is.EqualTo(3));
        Assert.That(total.GetProperty("amount").GetDecimal(), Is.EqualTo(272m));
        Assert.That(chain.GetProperty("conflicts").GetArrayLength(), Is.Zero);
        Assert.That(json.GetProperty("ignored").GetArrayLength(), Is.Zero);
        Assert.That(json.GetProperty("reports").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void An_edit_by_someone_other_than_the_owner_is_a_conflict_and_the_owners_line_stands()
    {
        // 陈 copies the chain with 团长's line for 王阿姨 changed to 3份.
        string file = Transcript(Growing[0], Growing[1], Message("m3", "08:20", "u-chen", "陈先生", Chain("1. 12号301 王阿姨 3份", Li, Chen)));

        var chain = Json("replay", file).GetProperty("chains")[0];

        var wang = chain.GetProperty("entries")[0];
        Assert.That(Strings(wang.GetProperty("flags")), Is.EqualTo(new[] { "conflict" }));
        Assert.That(wang.GetProperty("items")[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(1m));
        Assert.That(wang.GetProperty("changedBy").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var conflict = chain.GetProperty("conflicts")[0];
        Assert.That(conflict.GetProperty("entryId").GetInt32(), Is.EqualTo(1));
        Assert.That(conflict.GetProperty("by").GetString(), Is.EqualTo("u-chen"));
        Assert.That(conflict.GetProperty("byName").GetString(), Is.EqualTo("陈先生"));
        Assert.That(conflict.GetProperty("at").GetString(), Is.EqualTo("2022-04-18T08:20:00+08:00"));
        Assert.That(conflict.GetProperty("line").GetString(), Is.EqualTo("1. 12号301 王阿姨 3份"));
        Assert.That(conflict.GetProperty("reason").GetString(), Is.EqualTo("changed by someone other than its owner"));
        Assert.That(chain.GetProperty("tally").GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(272m));
    }

    [Test]
    public void A_change_by_the_owner_is_made_and_says_who_made_it()
    {
        string file = Transcript([.. Growing, Message("m4", "09:00", "u-li", "李", "15-502 李 改3份")]);

        var li = Json("replay", file).GetProperty("chains")[0].GetProperty("entries")[1];

        Assert.That(li.GetProperty("items")[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(3m));
        Assert.That(li.GetProperty("addedBy").GetString(), Is.EqualTo("u-li"));
        Assert.That(li.GetProperty("changedBy").GetString(), Is.EqualTo("u-li"));
        Assert.That(li.GetProperty("changedAt").GetString(), Is.EqualTo("2022-04-18T09:00:00+08:00"));
    }

    [Test]
    public void Chatter_is_ignored_and_listed_by_its_message_id()
    {
        string file = Transcript(Growing[0], Message("c1", "08:05", "u-zhou", "周", "请问几点送到？"), Growing[1]);

        var json = Json("replay", file);

        Assert.That(Strings(json.GetProperty("ignored")), Is.EqualTo(new[] { "c1" }));
        Assert.That(json.GetProperty("chains")[0].GetProperty("entries").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void A_change_that_names_no_line_is_reported_for_the_coordinator()
    {
        // 孙 has no line in the chain: whose line is 改成2份 about?
        string file = Transcript([.. Growing, Message("m4", "09:10", "u-sun", "孙", "改成2份")]);

        var json = Json("replay", file);

        var report = json.GetProperty("reports")[0];
        Assert.That(report.GetProperty("groupId").GetString(), Is.EqualTo("g1"));
        Assert.That(report.GetProperty("msgId").GetString(), Is.EqualTo("m4"));
        Assert.That(report.GetProperty("senderId").GetString(), Is.EqualTo("u-sun"));
        Assert.That(report.GetProperty("reason").GetString(), Is.EqualTo("names no household, and the sender has no single line to change"));
        Assert.That(report.GetProperty("text").GetString(), Is.EqualTo("改成2份"));
    }

    [Test]
    public void At_a_time_only_the_messages_sent_by_then_are_merged()
    {
        string file = Transcript(Growing);

        var atCopy = Json("replay", file, "--at", "2022-04-18T08:10:00+08:00").GetProperty("chains")[0];
        var withoutOffset = Json("replay", file, "--at", "2022-04-18T08:15");
        var before = CliRun.InProcess(["replay", file, "--at", "2022-04-18T07:00:00+08:00", "--json"]);

        Assert.That(atCopy.GetProperty("entries").GetArrayLength(), Is.EqualTo(2), "a message sent at the time is merged");
        Assert.That(atCopy.GetProperty("tally").GetProperty("total").GetProperty("households").GetInt32(), Is.EqualTo(2));
        Assert.That(withoutOffset.GetProperty("chains")[0].GetProperty("entries").GetArrayLength(), Is.EqualTo(2), "China time");
        Assert.That(before.ExitCode, Is.EqualTo(0));
        Assert.That(OutputJson.Parse(before.Stdout).GetProperty("chains").GetArrayLength(), Is.Zero, "nothing sent by then");
        Assert.That(before.Stderr, Does.Contain($"no chain post in '{file}' by 2022-04-18T07:00:00+08:00 (3 messages read)"));
    }

    [Test]
    public void A_line_after_the_deadline_is_flagged_late_and_left_out_of_the_tally()
    {
        string file = Transcript([.. Growing, Message("m4", "21:00", "u-liu", "刘", "7号 1102 刘 2份")]);

        var chain = Json("replay", file).GetProperty("chains")[0];

        var liu = chain.GetProperty("entries")[3];
        Assert.That(liu.GetProperty("building").GetString(), Is.EqualTo("7"));
        Assert.That(Strings(liu.GetProperty("flags")), Is.EqualTo(new[] { "late" }));
        Assert.That(chain.GetProperty("tally").GetProperty("total").GetProperty("households").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public void The_tally_of_a_transcript_is_the_merged_chain_not_its_last_copy()
    {
        // 李 and 陈 both copy 团长's first post at once: neither copy holds the other's line.
        string file = Transcript(
            Growing[0],
            Message("m2", "08:10", "u-li", "李", Chain(Wang, Li)),
            Message("m3", "08:11", "u-chen", "陈先生", Chain(Wang, "2. 3号楼201 陈先生 1份")));

        var tally = Json("tally", file);
        var replay = Json("replay", file);
        var human = CliRun.InProcess(["tally", file]);

        var chain = tally.GetProperty("chains")[0];
        Assert.That(chain.GetProperty("entries").GetArrayLength(), Is.EqualTo(3));
        Assert.That(chain.GetProperty("tally").GetProperty("total").GetProperty("households").GetInt32(), Is.EqualTo(3));
        Assert.That(chain.GetProperty("tally").GetRawText(), Is.EqualTo(replay.GetProperty("chains")[0].GetProperty("tally").GetRawText()));
        Assert.That(chain.TryGetProperty("chainId", out _), Is.False, "tally prints the members of a post's JSON only");
        Assert.That(chain.GetProperty("entries")[0].TryGetProperty("flags", out _), Is.False);
        Assert.That(tally.TryGetProperty("ignored", out _), Is.False);
        Assert.That(human.ExitCode, Is.EqualTo(0), human.Stderr);
        Assert.That(human.Stdout, Does.Contain("Total              3  蔬菜套餐 4份  ¥272.00"));
        Assert.That(human.Stdout, Does.Contain("chain 1, opened by 团长 at 2022-04-18 08:00 +08:00, open"));
        Assert.That(human.Stdout, Does.Not.Contain("Added by"), "the entries are replay's");
    }

    [Test]
    public void Parse_of_a_transcript_still_reads_its_last_chain_post()
    {
        string file = Transcript(
            Growing[0],
            Message("m2", "08:10", "u-li", "李", Chain(Wang, Li)),
            Message("m3", "08:11", "u-chen", "陈先生", Chain(Wang, "2. 3号楼201 陈先生 1份")));

        var chain = Json("parse", file).GetProperty("chains")[0];

        Assert.That(chain.GetProperty("entries").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Each_group_is_replayed_on_its_own_in_the_order_groups_first_appear()
    {
        string file = Transcript(
            Message("b1", "07:00", "u-b", "楼长", Chain("1. 8号101 赵 1份"), group: "g2"),
            Growing[0],
            // g2's chain grows in g2 only, however its messages interleave with g1's.
            Message("b2", "07:30", "u-c", "钱", Chain("1. 8号101 赵 1份", "2. 8号102 钱 2份"), group: "g2"),
            Growing[1],
            Message("x1", "08:30", "u-d", "孙", "谢谢团长", group: "g2"));

        var json = Json("replay", file);

        var chains = json.GetProperty("chains");
        Assert.That(chains.EnumerateArray().Select(static c => c.GetProperty("groupId").GetString()), Is.EqualTo(new[] { "g2", "g1" }));
        Assert.That(chains.EnumerateArray().Select(static c => c.GetProperty("chainId").GetString()), Is.EqualTo(new[] { "1", "1" }));
        Assert.That(chains[0].GetProperty("entries").GetArrayLength(), Is.EqualTo(2));
        Assert.That(chains[1].GetProperty("entries").GetArrayLength(), Is.EqualTo(2));
        Assert.That(Strings(json.GetProperty("ignored")), Is.EqualTo(new[] { "x1" }));
    }

    [Test]
    public void Messages_without_a_group_are_one_group_with_a_null_id()
    {
        string line = JsonSerializer.Serialize(new { msgId = "m1", senderId = "u-tz", time = "2022-04-18T08:00:00+08:00", text = Chain(Wang) });

        var chain = Json("replay", Transcript(line)).GetProperty("chains")[0];

        Assert.That(chain.GetProperty("groupId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(chain.GetProperty("openedByName").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Bad_lines_are_reported_on_stderr_and_the_rest_is_replayed()
    {
        string file = Transcript(Growing[0], "{\"text\": \"unterminated", "[1,2]", Growing[1]);

        var run = CliRun.InProcess(["replay", file, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        var errors = run.Stderr.TrimEnd().Split(Environment.NewLine);
        Assert.That(errors, Has.Length.EqualTo(2));
        Assert.That(errors[0], Does.StartWith($"chainbot: {file}:2: malformed JSON"));
        Assert.That(errors[1], Does.StartWith($"chainbot: {file}:3: not a JSON object"));
        var json = OutputJson.Parse(run.Stdout);
        Assert.That(Schema.Check(json), Is.Empty);
        Assert.That(json.GetProperty("chains")[0].GetProperty("entries").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public void Any_file_is_read_as_a_transcript()
    {
        string file = Dir.Write("chat.log", string.Join("\n", Growing));

        var json = Json("replay", file);

        Assert.That(json.GetProperty("chains")[0].GetProperty("entries").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public void A_transcript_without_a_chain_gives_no_chains_and_says_so()
    {
        string file = Transcript(Message("m1", "08:00", "u-zhou", "周", "大家好"));

        var json = CliRun.InProcess(["replay", file, "--json"]);
        var human = CliRun.InProcess(["replay", file]);

        Assert.That(json.ExitCode, Is.EqualTo(0));
        Assert.That(json.Stdout, Is.EqualTo("{\"chains\":[],\"ignored\":[\"m1\"],\"reports\":[]}\n"));
        Assert.That(json.Stderr, Does.Contain($"no chain post in '{file}' (1 messages read)"));
        Assert.That(human.ExitCode, Is.EqualTo(0));
        Assert.That(human.Stdout, Does.StartWith("No chain post"));
        Assert.That(human.Stdout, Does.Contain("Ignored messages, group g1: 1 (1 chatter)"));
    }

    [Test]
    public void The_human_report_shows_provenance_flags_tally_conflicts_reports_and_ignored()
    {
        string file = Transcript(
            Growing[0],
            Growing[1],
            Message("m3", "08:20", "u-chen", "陈先生", Chain("1. 12号301 王阿姨 3份", Li, Chen)),
            Message("m4", "08:30", "u-zhou", "周", "请问几点送到？"),
            Message("m5", "09:10", "u-sun", "孙", "改成2份"));

        var run = CliRun.InProcess(["replay", file]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        string output = run.Stdout;
        Assert.That(output, Does.StartWith("4月18日 天山三村 蔬菜套餐团购\n"));
        Assert.That(output, Does.Contain($"Source: {file}, group g1, chain 1, opened by 团长 at 2022-04-18 08:00 +08:00, open"));
        Assert.That(output, Does.Contain("Id  Address   Name    Items         Status"));
        Assert.That(output, Does.Match(@" 1  12号 301  王阿姨  蔬菜套餐 1份  active\s+团长 04-18 08:00\s+conflict\n"));
        Assert.That(output, Does.Contain("李 04-18 08:10"));
        Assert.That(output, Does.Contain("Total              3  蔬菜套餐 4份  ¥272.00"));
        Assert.That(output, Does.Contain("Conflicts (1)"));
        Assert.That(output, Does.Contain("changed by someone other than its owner"));
        Assert.That(output, Does.Contain("Unread lines: none"));
        Assert.That(output, Does.Contain("Reported messages, group g1 (1)"));
        Assert.That(output, Does.Match(@"m5\s+u-sun\s+names no household"));
        Assert.That(output, Does.Contain("Ignored messages, group g1: 1 (1 chatter)"));
        Assert.That(output, Does.Contain("phone " + Samples.MaskedPhone));
        Assert.That(output, Does.Not.Contain(Samples.RawPhone));
        Assert.That(output.Contains('\u001b', StringComparison.Ordinal), Is.False, "no ANSI escape codes when redirected");
    }

    [Test]
    public void The_human_report_says_when_the_goods_arrived_and_how_many_collected()
    {
        string file = Transcript(
            Growing[0],
            Message("m2", "08:20", "u-chen", "陈先生", Chain(Wang, Li, Chen)),
            Message("m3", "18:00", "u-tz", "团长", "到货"),
            Message("m4", "18:10", "u-li", "李", "15-502 已取"));

        var run = CliRun.InProcess(["replay", file]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("open, delivered by 团长 at 2022-04-18 18:00 +08:00, 1 households collected, 2 to collect"));
    }

    [Test]
    public void A_terminal_gets_tables_and_no_phone_numbers()
    {
        var run = CliRun.InProcess(["replay", Transcript(Growing)], terminal: true);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("╭"));
        Assert.That(run.Stdout, Does.Contain("Added by"));
        Assert.That(run.Stdout, Does.Not.Contain(Samples.RawPhone));
    }

    [Test]
    public void A_sender_id_that_is_a_phone_number_is_masked()
    {
        string file = Transcript(Message("m1", "08:00", Samples.RawPhone, "团长 " + Samples.RawPhone, Chain(Wang)));

        var json = Json("replay", file);
        var human = CliRun.InProcess(["replay", file]);

        Assert.That(json.GetProperty("chains")[0].GetProperty("openedBy").GetString(), Is.EqualTo(Samples.MaskedPhone));
        Assert.That(human.Stdout, Does.Not.Contain(Samples.RawPhone));
        Assert.That(human.Stdout, Does.Contain("opened by 团长 " + Samples.MaskedPhone));
    }

    [Test]
    public void Help_lists_the_options()
    {
        var run = CliRun.InProcess(["replay", "--help"]);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Stdout, Does.Contain("<TRANSCRIPT>"));
        Assert.That(run.Stdout, Does.Contain("--at <ISO8601>"));
        Assert.That(run.Stdout, Does.Contain("--json"));
    }
}
