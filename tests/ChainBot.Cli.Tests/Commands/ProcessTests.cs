using ChainBot.Cli.Tests.Schema;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>chainbot as a real process (<c>dotnet chainbot.dll</c> from the build output): exit codes and streams.</summary>
public class ProcessTests : TempDirFixture
{

    private static void AssertNoStackTrace(CliResult run)
    {
        Assert.That(run.Stderr, Does.Not.Contain("   at "));
        Assert.That(run.Stderr, Does.Not.Contain("Exception"));
        Assert.That(run.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), run.Stderr);
    }

    [Test]
    public void A_missing_file_exits_1_with_a_message()
    {
        string file = Path.Combine(Dir.Root, "nope.txt");

        var run = CliRun.AsProcess("parse", file);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Stderr.TrimEnd(), Is.EqualTo($"chainbot: cannot read '{file}': file not found"));
        AssertNoStackTrace(run);
    }

    [Test]
    public void Invalid_UTF8_and_a_bad_time_exit_1_with_a_message()
    {
        string bytes = Dir.WriteBytes("bad.txt", [0x31, 0x2E, 0x20, 0xFF, 0xFE, 0x0A]);
        string good = Dir.Write("good.txt", "1. 12号301 王阿姨 1份\n");

        var utf8 = CliRun.AsProcess("tally", bytes, "--json");
        var time = CliRun.AsProcess("tally", good, "--time", "next friday");

        Assert.That(utf8.ExitCode, Is.EqualTo(1));
        Assert.That(utf8.Stderr, Does.Contain("not UTF-8 text (invalid byte at offset 3)"));
        AssertNoStackTrace(utf8);
        Assert.That(time.ExitCode, Is.EqualTo(1));
        Assert.That(time.Stderr, Does.StartWith("chainbot: --time 'next friday' is not an ISO 8601 time"));
        AssertNoStackTrace(time);
    }

    [Test]
    public void Redirected_output_is_plain_and_json_conforms()
    {
        string file = Dir.Write("post.txt", "#接龙\n蔬菜套餐 68元/份\n\n1. 12号301 王阿姨 1份 13812345678\n");

        var human = CliRun.AsProcess("parse", file);
        var json = CliRun.AsProcess("tally", file, "--json");

        Assert.That(human.ExitCode, Is.EqualTo(0), human.Stderr);
        Assert.That(human.Stdout.Contains('\u001b', StringComparison.Ordinal), Is.False, "no ANSI codes when redirected");
        Assert.That(human.Stdout, Does.Contain("Kind: "));
        Assert.That(json.ExitCode, Is.EqualTo(0), json.Stderr);
        var checker = Schema;
        Assert.That(checker.Check(OutputJson.Parse(json.Stdout)), Is.Empty);
        Assert.That(human.Stdout + json.Stdout, Does.Not.Contain("13812345678"));
    }

    [Test]
    public void Help_exits_0()
    {
        var run = CliRun.AsProcess("--help");

        Assert.That(run.ExitCode, Is.EqualTo(0));
        Assert.That(run.Stdout, Does.Contain("Usage:"));
        Assert.That(run.Stdout, Does.Contain("tally"));
    }
}
