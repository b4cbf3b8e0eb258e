using System.Text.Json;
using ChainBot.Cli.Tests.Schema;
using ChainBot.Cli.Tests.Support;
using ChainBot.Core.Chains;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>The CLI run in-process through the entry Program uses, with captured stdout and stderr.</summary>
public class CliTests : TempDirFixture
{
    private const string PostText = "#接龙\n蔬菜套餐团购 68元/份\n截止时间：今晚8点\n\n1. 12号301 王阿姨 1份\n2. 15-502 李 2份\n";



    private static string Message(string text, string time = "2022-04-18T09:30:00+08:00", string sender = "王阿姨") =>
        JsonSerializer.Serialize(new { msgId = Guid.NewGuid().ToString("N"), groupId = "g", senderId = "u", senderName = sender, time, text, mentioned = false });

    [TestCase("parse")]
    [TestCase("tally")]
    public void Json_output_of_a_plain_text_post_conforms_to_the_schema(string command)
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess([command, file, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stderr, Is.Empty);
        var json = OutputJson.Parse(run.Stdout);
        Assert.That(Schema.Check(json), Is.Empty);
        Assert.That(json.GetProperty("chains").GetArrayLength(), Is.EqualTo(1), "a plain-text post is always reported");
        Assert.That(run.Stdout, Does.EndWith("}\n"));
    }

    [Test]
    public void Parse_and_tally_print_the_same_json()
    {
        string file = Dir.Write("post.txt", PostText);

        var parse = CliRun.InProcess(["parse", file, "--json", "--time", "2022-04-18T09:30:00+08:00"], parse: Samples.FakeParse);
        var tally = CliRun.InProcess(["tally", file, "--json", "--time", "2022-04-18T09:30:00+08:00"], parse: Samples.FakeParse);

        Assert.That(parse.Stdout, Is.Not.Empty);
        Assert.That(tally.Stdout, Is.EqualTo(parse.Stdout));
    }

    [Test]
    public void Time_of_a_plain_text_post_is_the_time_option()
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess(["parse", file, "--json", "--time", "2022-05-01T08:00:00+08:00"], parse: Samples.FakeParse);

        // The stand-in parser's deadline is the message time + 10 h.
        Assert.That(OutputJson.Chain(run.Stdout).GetProperty("deadline").GetString(), Is.EqualTo("2022-05-01T18:00:00+08:00"));
    }

    [Test]
    public void A_time_without_offset_is_China_time()
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess(["parse", file, "--json", "--time", "2022-05-01T08:00"], parse: Samples.FakeParse);

        Assert.That(OutputJson.Chain(run.Stdout).GetProperty("deadline").GetString(), Is.EqualTo("2022-05-01T18:00:00+08:00"));
    }

    [Test]
    public void Without_the_time_option_a_plain_text_post_is_read_as_of_now()
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess(["parse", file, "--json"], parse: Samples.FakeParse);

        var expected = CliRun.Now.AddHours(10).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(OutputJson.Chain(run.Stdout).GetProperty("deadline").GetString(), Is.EqualTo(expected));
    }

    [TestCase("parse", "--time", "tomorrow")]
    [TestCase("parse", "--time", "2022-04-31T09:00:00+08:00")]
    [TestCase("parse", "--time", "18/04/2022")]
    [TestCase("replay", "--at", "tomorrow")]
    [TestCase("replay", "--at", "2022-04-31T09:00:00+08:00")]
    public void A_bad_time_option_exits_1_with_one_line(string command, string option, string time)
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess([command, file, option, time]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Is.EqualTo($"chainbot: {option} '{time}' is not an ISO 8601 time (e.g. 2022-04-18T09:30:00+08:00){Environment.NewLine}"));
    }

    [TestCase("parse")]
    [TestCase("tally")]
    [TestCase("replay")]
    public void A_missing_file_exits_1_with_one_line(string command)
    {
        string file = Path.Combine(Dir.Root, "x.jsonl");

        var run = CliRun.InProcess([command, file]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Is.EqualTo($"chainbot: cannot read '{file}': file not found{Environment.NewLine}"));
    }

    [Test]
    public void A_directory_exits_1_with_one_line()
    {
        var run = CliRun.InProcess(["tally", Dir.Root, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Is.EqualTo($"chainbot: cannot read '{Dir.Root}': is a directory{Environment.NewLine}"));
    }

    [TestCase("post.txt")]
    [TestCase("chat.jsonl")]
    public void A_file_that_is_not_UTF8_exits_1(string name)
    {
        // "接龙" in GBK, as an old Windows export would write it.
        string file = Dir.WriteBytes(name, [0xBD, 0xD3, 0xC1, 0xFA, 0x0A]);

        var run = CliRun.InProcess(["parse", file, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stdout, Is.Empty);
        Assert.That(run.Stderr, Does.StartWith($"chainbot: cannot read '{file}': not UTF-8 text (invalid byte at offset 0)"));
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_UTF8_byte_order_mark_is_not_part_of_the_post()
    {
        string file = Dir.WriteBytes("post.txt", [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes("接龙 A")]);

        var run = CliRun.InProcess(["parse", file, "--json"], parse: Samples.FakeParse);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(OutputJson.Chain(run.Stdout).GetProperty("title").GetString(), Is.EqualTo("接龙 A"));
    }

    [Test]
    public void A_transcript_reports_its_last_chain_post()
    {
        string file = Dir.Write("chat.jsonl", string.Join("\n",
            Message("接龙 第一版", "2022-04-18T08:00:00+08:00"),
            Message("大家好"),
            Message("接龙 第二版", "2022-04-18T10:00:00+08:00", sender: "李"),
            Message("谢谢团长", "2022-04-18T11:00:00+08:00")));

        var json = CliRun.InProcess(["parse", file, "--json", "--time", "2030-01-01T00:00:00+08:00"], parse: Samples.FakeParse);
        var human = CliRun.InProcess(["parse", file], parse: Samples.FakeParse);

        Assert.That(json.ExitCode, Is.EqualTo(0), json.Stderr);
        var chain = OutputJson.Chain(json.Stdout);
        Assert.That(chain.GetProperty("title").GetString(), Is.EqualTo("接龙 第二版"));
        Assert.That(chain.GetProperty("deadline").GetString(), Is.EqualTo("2022-04-18T20:00:00+08:00"), "read with its own message's time");
        Assert.That(human.Stdout, Does.Contain($"Source: {file} line 3, from 李, sent 2022-04-18 10:00 +08:00"));
    }

    [Test]
    public void A_transcripts_bad_lines_are_reported_and_the_rest_is_read()
    {
        string file = Dir.Write("chat.jsonl", string.Join("\n",
            Message("接龙 第一版"),
            "{\"text\": \"unterminated",
            "",
            "{\"text\":\"接龙 无时间\"}",
            Message("接龙 第二版"),
            "[1,2]"));

        // parse: tally and replay merge a transcript with the real merger; ReplayTests checks their bad lines.
        var run = CliRun.InProcess(["parse", file, "--json"], parse: Samples.FakeParse);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        var errors = run.Stderr.TrimEnd().Split(Environment.NewLine);
        Assert.That(errors, Has.Length.EqualTo(3));
        Assert.That(errors[0], Does.StartWith($"chainbot: {file}:2: malformed JSON"));
        Assert.That(errors[1], Does.StartWith($"chainbot: {file}:4: bad time"));
        Assert.That(errors[2], Does.StartWith($"chainbot: {file}:6: not a JSON object"));
        Assert.That(OutputJson.Chain(run.Stdout).GetProperty("title").GetString(), Is.EqualTo("接龙 第二版"));
        Assert.That(Schema.Check(OutputJson.Parse(run.Stdout)), Is.Empty);
    }

    [Test]
    public void A_transcript_without_a_chain_post_gives_an_empty_list_and_says_so()
    {
        string file = Dir.Write("chat.jsonl", Message("大家好") + "\n" + Message("今天几点送？") + "\n");

        var json = CliRun.InProcess(["parse", file, "--json"], parse: Samples.FakeParse);
        var human = CliRun.InProcess(["tally", file], parse: Samples.FakeParse);

        Assert.That(json.ExitCode, Is.EqualTo(0));
        Assert.That(json.Stdout, Is.EqualTo("{\"chains\":[]}\n"));
        Assert.That(json.Stderr, Does.Contain($"no chain post in '{file}' (2 messages read)"));
        Assert.That(human.ExitCode, Is.EqualTo(0));
        Assert.That(human.Stdout, Does.Contain("No chain post"));
    }

    [Test]
    public void An_empty_transcript_has_no_chain_post()
    {
        string file = Dir.Write("empty.jsonl", "");

        var run = CliRun.InProcess(["parse", file, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(OutputJson.Parse(run.Stdout).GetProperty("chains").GetArrayLength(), Is.Zero);
        Assert.That(Schema.Check(OutputJson.Parse(run.Stdout)), Is.Empty);
    }

    [TestCase("parse")]
    [TestCase("tally")]
    public void Phone_numbers_never_reach_stdout(string command)
    {
        string file = Dir.Write("post.txt", PostText);
        static ChainPost Parse(string text, DateTimeOffset time) => Samples.Order();

        var json = CliRun.InProcess([command, file, "--json"], parse: Parse);
        var plain = CliRun.InProcess([command, file], parse: Parse);
        var terminal = CliRun.InProcess([command, file], terminal: true, parse: Parse);

        foreach (var run in new[] { json, plain, terminal })
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
            Assert.That(run.Stdout, Does.Not.Contain(Samples.RawPhone));
        }
        Assert.That(json.Stdout + plain.Stdout, Does.Contain(Samples.MaskedPhone));
    }

    [TestCase("parse")]
    [TestCase("tally")]
    public void Redirected_human_output_is_plain_text(string command)
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess([command, file], parse: (_, _) => Samples.Order());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.StartWith("4月18日 天山三村 蔬菜套餐团购\n"));
        Assert.That(run.Stdout.Contains('\u001b', StringComparison.Ordinal), Is.False, "no ANSI escape codes");
        Assert.That(run.Stdout, Does.Not.Contain("╭"));
        Assert.That(run.Stdout, Does.Contain("Unread lines (1)"));
    }

    [Test]
    public void A_terminal_gets_tables()
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess(["tally", file], terminal: true, parse: (_, _) => Samples.Order());

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("╭"));
        Assert.That(run.Stdout, Does.Contain("¥476.00"));
    }

    [Test]
    public void Help_lists_the_commands()
    {
        var run = CliRun.InProcess(["--help"]);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Stdout, Does.Contain("parse"));
        Assert.That(run.Stdout, Does.Contain("tally"));
        Assert.That(run.Stdout, Does.Contain("replay"));
        Assert.That(run.Stdout, Does.Contain("segment"));
    }

    [Test]
    public void Command_help_lists_the_options()
    {
        var run = CliRun.InProcess(["tally", "--help"]);

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Stdout, Does.Contain("--json"));
        Assert.That(run.Stdout, Does.Contain("--time <ISO8601>"));
        Assert.That(run.Stdout, Does.Contain("<FILE>"));
    }

    [TestCase("parse")]
    [TestCase("frobnicate")]
    [TestCase("tally a.txt b.txt")]
    public void Usage_errors_exit_1_on_stderr(string args)
    {
        var run = CliRun.InProcess(args.Split(' '));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Is.Not.Empty);
    }

    [Test]
    public void A_failure_inside_a_command_is_a_message_not_a_stack_trace()
    {
        string file = Dir.Write("post.txt", PostText);

        var run = CliRun.InProcess(["parse", file], parse: (_, _) => throw new InvalidDataException("the parser broke"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr, Is.EqualTo("chainbot: the parser broke" + Environment.NewLine));
    }
}
