using System.Text.Json;
using ChainBot.Cli.Tests.Schema;
using ChainBot.Cli.Tests.Support;

namespace ChainBot.Cli.Tests.Commands;

/// <summary>The CLI on real chain text with the real parser (chain-formats.md's example post).</summary>
public class CliEndToEndTests : TempDirFixture
{
    private const string Post = """
        #接龙
        4月18日 天山三村 蔬菜套餐团购
        规格：每份约5斤（8-9个品种），68元/份
        截止时间：今晚8点
        例：12号 301 张三 2份

        1. 12号301 王阿姨 1份
        2. 15-502 李 2份
        3. 3号楼201 陈先生 1
        4. 7号 1102 刘 两份
        """;

    private const string Morning = "2022-04-18T09:30:00+08:00";



    private JsonElement ParseJson(string text, string time = Morning)
    {
        var run = CliRun.InProcess(["parse", Dir.Write("post.txt", text), "--json", "--time", time]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var json = OutputJson.Parse(run.Stdout);
        Assert.That(Schema.Check(json), Is.Empty);
        return json.GetProperty("chains")[0];
    }

    [Test]
    public void Reads_the_header()
    {
        var chain = ParseJson(Post);

        Assert.That(chain.GetProperty("kind").GetString(), Is.EqualTo("order"));
        Assert.That(chain.GetProperty("deadline").GetString(), Is.EqualTo("2022-04-18T20:00:00+08:00"), "今晚8点 of the message's day");
        var catalog = chain.GetProperty("catalog");
        Assert.That(catalog.GetArrayLength(), Is.EqualTo(1));
        Assert.That(catalog[0].GetProperty("unit").GetString(), Is.EqualTo("份"));
        Assert.That(catalog[0].GetProperty("price").GetDecimal(), Is.EqualTo(68m));
        Assert.That(chain.GetProperty("title").GetString(), Does.Contain("蔬菜套餐"));
    }

    [Test]
    public void Reads_every_entry_and_not_the_example()
    {
        var entries = ParseJson(Post).GetProperty("entries");

        Assert.That(entries.GetArrayLength(), Is.EqualTo(4));
        string[] buildings = ["12", "15", "3", "7"], rooms = ["301", "502", "201", "1102"], names = ["王阿姨", "李", "陈先生", "刘"];
        decimal[] quantities = [1, 2, 1, 2];
        for (int i = 0; i < 4; i++)
        {
            var entry = entries[i];
            Assert.That(entry.GetProperty("seq").GetInt32(), Is.EqualTo(i + 1));
            Assert.That(entry.GetProperty("building").GetString(), Is.EqualTo(buildings[i]));
            Assert.That(entry.GetProperty("room").GetString(), Is.EqualTo(rooms[i]));
            Assert.That(entry.GetProperty("name").GetString(), Is.EqualTo(names[i]));
            Assert.That(entry.GetProperty("status").GetString(), Is.EqualTo("active"));
            var items = entry.GetProperty("items");
            Assert.That(items.GetArrayLength(), Is.EqualTo(1));
            Assert.That(items[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(quantities[i]));
            Assert.That(items[0].GetProperty("unit").GetString(), Is.EqualTo("份"));
        }
        Assert.That(ParseJson(Post).GetProperty("unread").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Tallies_per_building_in_natural_order()
    {
        var tally = ParseJson(Post).GetProperty("tally");

        Assert.That(tally.GetProperty("buildings").EnumerateArray().Select(b => b.GetProperty("building").GetString()),
            Is.EqualTo(new[] { "3", "7", "12", "15" }));
        var total = tally.GetProperty("total");
        Assert.That(total.GetProperty("households").GetInt32(), Is.EqualTo(4));
        Assert.That(total.GetProperty("items")[0].GetProperty("quantity").GetDecimal(), Is.EqualTo(6m));
        Assert.That(total.GetProperty("amount").GetDecimal(), Is.EqualTo(408m));
    }

    [Test]
    public void A_cancelled_line_counts_nowhere()
    {
        var chain = ParseJson(Post.Replace("2. 15-502 李 2份", "2. 15-502 李 取消", StringComparison.Ordinal));

        Assert.That(chain.GetProperty("entries")[1].GetProperty("status").GetString(), Is.EqualTo("cancelled"));
        Assert.That(chain.GetProperty("tally").GetProperty("total").GetProperty("amount").GetDecimal(), Is.EqualTo(272m));
    }

    [Test]
    public void A_phone_number_in_a_line_is_masked()
    {
        var run = CliRun.InProcess(["parse", Dir.Write("post.txt", Post + "\n5. 9号101 张 1份 13812345678"), "--json", "--time", Morning]);
        var human = CliRun.InProcess(["parse", Dir.Write("post2.txt", Post + "\n5. 9号101 张 1份 13812345678"), "--time", Morning]);

        var entries = OutputJson.Chain(run.Stdout).GetProperty("entries");
        Assert.That(entries.GetArrayLength(), Is.EqualTo(5));
        Assert.That(entries[4].GetProperty("line").GetString(), Does.Contain("138****5678"));
        Assert.That(run.Stdout + human.Stdout, Does.Not.Contain("13812345678"));
        Assert.That(human.Stdout, Does.Contain("phone 138****5678"));
    }

    [Test]
    public void A_transcripts_tally_is_its_merged_chain()
    {
        string first = string.Join("\n", Post.Split('\n')[..8]);
        string file = Dir.Write("chat.jsonl", string.Join("\n",
            Message(first, "2022-04-18T08:00:00+08:00"),
            Message("请问几点送到？", "2022-04-18T08:30:00+08:00"),
            Message(Post, "2022-04-18T09:00:00+08:00"),
            Message("谢谢团长", "2022-04-18T09:10:00+08:00")));

        var run = CliRun.InProcess(["tally", file, "--json"]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        var chain = OutputJson.Chain(run.Stdout);
        Assert.That(chain.GetProperty("entries").GetArrayLength(), Is.EqualTo(4));
        Assert.That(chain.GetProperty("deadline").GetString(), Is.EqualTo("2022-04-18T20:00:00+08:00"));
    }

    [Test]
    public void The_human_tally_shows_money_in_yuan()
    {
        var run = CliRun.InProcess(["tally", Dir.Write("post.txt", Post), "--time", Morning]);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Stderr);
        Assert.That(run.Stdout, Does.Contain("¥408.00"));
        Assert.That(run.Stdout, Does.Match(@"12号\s+1\s+\S+ 1份\s+¥68\.00"));
    }

    private static string Message(string text, string time) =>
        JsonSerializer.Serialize(new { msgId = Guid.NewGuid().ToString("N"), groupId = "g", senderId = "u", senderName = "团长", time, text, mentioned = false });
}
