using ChainBot.Cli.Tests.Support;
using ChainBot.Core;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>
/// A plain-text post asked for as JSON is streamed (read line by line, written entry by entry). Its output must be
/// the very same as that of the whole-post route, which a custom parser delegate forces.
/// </summary>
public class StreamingTests : TempDirFixture
{
    private const string Morning = "2022-04-18T09:30:00+08:00";


    [TestCase("parse")]
    [TestCase("tally")]
    public void StreamedJson_EqualsTheWholePostJson(string command)
    {
        string post = """
            #接龙
            4月18日 光明乳品团购
            A. 鸡蛋 30枚/盒 25元/盒
            B. 牛奶 250ml*24盒/箱 68元/箱
            截止时间：今晚8点
            例：12号 301 张三 A1 B2

            1. 12-301 王阿姨 A1 B2
            2. 15-502 李 鸡蛋2 电话13812345678
            3. 3号楼201 陈先生 2
            「张三：前面的接龙」
            - - - - - - - - - - - - - - -
            4. 7号 1102 刘 两箱牛奶（放门口）
            5. 8-101 周 取消
            """;
        string file = Dir.Write("post.txt", post.Replace("\n", "\r\n", StringComparison.Ordinal));

        var streamed = CliRun.InProcess([command, file, "--json", "--time", Morning]);
        var whole = CliRun.InProcess([command, file, "--json", "--time", Morning], parse: (text, time) => ChainText.Parse(text, time));

        Assert.That(streamed.ExitCode, Is.Zero, streamed.Stderr);
        Assert.That(streamed.Stdout, Does.Contain("\"seq\":5").And.Contain("item not named").And.Not.Contain("13812345678"));
        Assert.That(streamed.Stdout, Is.EqualTo(whole.Stdout));
    }

    [TestCase("parse")]
    [TestCase("tally")]
    public void StreamedJson_OfAPostReadInSeveralParts_EqualsTheWholePostJson(string command)
    {
        // Over 10,000 lines: the streamed route reads it in parts of about 2,000 on several threads. Every kind of line
        // that depends on the lines before it recurs throughout, so some stand at the cuts.
        var post = new System.Text.StringBuilder("#接龙\n光明乳品团购\nA. 鸡蛋 30枚/盒 25元/盒\nB. 牛奶 250ml*24盒/箱 68元/箱\n例：12号 301 张三 A1 B2\n\n");
        string[] kinds =
        [
            "{0}. {1}-301 王阿姨 A1 B2", "{0}. {1}号楼201 陈先生 2\n（放门口就行）", "{0}. {1}-502 李 鸡蛋2\n还有吗？",
            "线下登记：\n{1}-102 王奶奶 牛奶1", "{0}.", "{0}. .\n{1}-702 周 两箱牛奶", "{0}. {1}-1101 吕", "{0}. {1}-801 何 取消",
            "{0}. 1. {1}-901 孙 A1 2. {1}-902 钱 B1",
        ];
        for (int i = 1; i <= 7500; i++)
            post.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, kinds[i % kinds.Length], i, 1 + (i % 40)).Append('\n');
        string file = Dir.Write("long.txt", post.ToString());

        var streamed = CliRun.InProcess([command, file, "--json", "--time", Morning]);
        var whole = CliRun.InProcess([command, file, "--json", "--time", Morning], parse: (text, time) => ChainText.Parse(text, time));

        Assert.That(streamed.ExitCode, Is.Zero, streamed.Stderr);
        Assert.That(post.ToString().Count(c => c == '\n'), Is.GreaterThan(10_000));
        Assert.That(streamed.Stdout, Does.Contain("\"reason\":\"not a numbered entry").And.Contain("\"onBehalf\":true").And.Contain("\"seq\":7499"));
        Assert.That(streamed.Stdout, Is.EqualTo(whole.Stdout));
    }

    [Test]
    public void StreamedJson_OfInvalidUtf8_FailsBeforeWritingAnything()
    {
        byte[] bytes = [.. "1. 12-301 王 1份\n"u8, 0xE4, 0xB8, (byte)'\n', .. "2. 15-502 李 2份\n"u8];
        string file = Dir.WriteBytes("bad.txt", bytes);

        var result = CliRun.InProcess(["tally", file, "--json"]);

        Assert.That(result.ExitCode, Is.EqualTo(1));
        Assert.That(result.Stdout, Is.Empty);
        Assert.That(result.Stderr, Does.Contain("not UTF-8").And.Contain("offset 19"));
    }

    [Test]
    public void StreamedJson_ReadsCharactersCutByTheCheckersBlocks_AndPlacesABadByteBeyondThem()
    {
        // 王 is three bytes: with 65,535 bytes before it, it straddles the end of the first 64 KiB block.
        byte[] header = [.. "#接龙 团购\n"u8];
        var padding = new byte[65_535 - header.Length - "1. ".Length];
        for (int i = 0; i < padding.Length; i++)
            padding[i] = i % 64 == 63 || i == padding.Length - 1 ? (byte)'\n' : (byte)'x';
        byte[] good = [.. header, .. padding, .. "1. 王 1份\n"u8];
        byte[] bad = [.. good, 0xFF, (byte)'\n'];

        var fine = CliRun.InProcess(["tally", Dir.WriteBytes("good.txt", good), "--json"]);
        var refused = CliRun.InProcess(["tally", Dir.WriteBytes("bad.txt", bad), "--json"]);

        Assert.That(fine.ExitCode, Is.Zero, fine.Stderr);
        Assert.That(fine.Stdout, Does.Contain("\"line\":\"1. 王 1份\""));
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Stderr, Does.Contain($"invalid byte at offset {good.Length}"));
    }

    [Test]
    public void StreamedJson_PlacesABadByteExactly_AfterManyBlocksThatEachEndInsideACharacter()
    {
        // Lines of three-byte characters and a four-byte emoji: almost every 64 KiB block of the check ends inside one.
        var text = new System.Text.StringBuilder("#接龙 蔬菜团购 68元/份\n");
        for (int i = 1; text.Length < 200_000; i++)
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i}. 12号楼{i % 1800 + 101} 王阿姨🍊 1份\n");
        byte[] good = System.Text.Encoding.UTF8.GetBytes(text.ToString());
        int at = good.Length - " 1份\n"u8.Length; // after the last 🍊, on a character boundary
        byte[] bad = [.. good[..at], 0xC3, (byte)'x', .. good[at..]];

        var fine = CliRun.InProcess(["tally", Dir.WriteBytes("good.txt", good), "--json"]);
        var refused = CliRun.InProcess(["tally", Dir.WriteBytes("bad.txt", bad), "--json"]);

        Assert.That(good.Length, Is.GreaterThan(4 * 65_536));
        Assert.That(fine.ExitCode, Is.Zero, fine.Stderr);
        Assert.That(refused.ExitCode, Is.EqualTo(1));
        Assert.That(refused.Stdout, Is.Empty);
        Assert.That(refused.Stderr, Does.Contain($"invalid byte at offset {at}"));
    }

    [TestCase(new byte[] { 0x41, 0x42 }, 2)]
    [TestCase(new byte[] { 0x41, 0xE7, 0x8E }, 1)]
    [TestCase(new byte[] { 0x41, 0xE7 }, 1)]
    [TestCase(new byte[] { 0x41, 0xE7, 0x8E, 0x8B }, 4)]
    [TestCase(new byte[] { 0x41, 0xF0, 0x9F, 0x8D }, 1)]
    [TestCase(new byte[] { 0x41, 0xF0, 0x9F, 0x8D, 0x8A }, 5)]
    [TestCase(new byte[] { 0x80, 0x80, 0x80, 0x80 }, 4)]
    [TestCase(new byte[] { 0x41, 0xFF }, 2)]
    public void The_check_leaves_a_character_cut_by_the_block_s_end_for_the_next_block(byte[] block, int complete)
    {
        Assert.That(ChainBot.Cli.Input.PostSource.CompleteLength(block), Is.EqualTo(complete));
    }
}
