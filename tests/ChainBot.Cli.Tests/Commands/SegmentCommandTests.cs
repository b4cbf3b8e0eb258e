using System.Text.Json;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

public class SegmentCommandTests : TempDirFixture
{

    [Test]
    public void Plain_CutsEachLineWithTheDomainLexicon()
    {
        string file = Dir.Write("lines.txt", "王阿姨大米两袋\n刘阿姨氨氯地平2盒\n");

        var result = CliRun.InProcess(["segment", file]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.EqualTo(new[] { "王 / 阿姨 / 大米 / 两 / 袋", "刘 / 阿姨 / 氨氯地平 / 2 / 盒" }));
    }

    [Test]
    public void Json_PrintsOneArrayPerInputLine()
    {
        string file = Dir.Write("lines.txt", "王阿姨大米两袋\n\n12号 301\n");

        var result = CliRun.InProcess(["segment", file, "--json"]);

        Assert.That(result.ExitCode, Is.Zero, result.Stderr);
        var lines = result.Stdout.TrimEnd('\n').Split('\n');
        Assert.That(lines.Select(l => JsonSerializer.Deserialize<string[]>(l)), Is.EqualTo(new[]
        {
            new[] { "王", "阿姨", "大米", "两", "袋" },
            Array.Empty<string>(),
            new[] { "12", "号", " ", "301" },
        }));
    }

    [Test]
    public void Dict_AddsTheWordsOfAJiebaFormatDictionary()
    {
        string input = Dir.Write("lines.txt", "有机菜心两斤\n");
        string dict = Dir.Write("user.dict", "有机菜心 50 n\n");

        var without = CliRun.InProcess(["segment", input]);
        var with = CliRun.InProcess(["segment", input, "--dict", dict]);

        Assert.That(without.Stdout, Does.Not.StartWith("有机菜心 /"));
        Assert.That(with.Stdout.TrimEnd(), Is.EqualTo("有机菜心 / 两 / 斤"));
    }

    [Test]
    public void Dict_WithABadLine_FailsNamingTheLine()
    {
        string input = Dir.Write("lines.txt", "大米\n");
        string dict = Dir.Write("bad.dict", "大米 100 n\n鸡蛋 lots n\n");

        var result = CliRun.InProcess(["segment", input, "--dict", dict]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr, Does.Contain("line 2").And.Contain("lots"));
        Assert.That(result.Stdout, Is.Empty);
    }

    [Test]
    public void MissingFile_ExitsOneWithAMessage()
    {
        var result = CliRun.InProcess(["segment", Path.Combine(Dir.Root, "none.txt")]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stderr.Trim(), Does.StartWith("chainbot: cannot read").And.EndWith("file not found"));
    }
}
