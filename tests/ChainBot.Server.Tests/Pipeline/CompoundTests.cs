using ChainBot.Server.Tests.Support;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Tests.Pipeline;

/// <summary>
/// <c>ChainBot:Compound:Path</c>: with the sample compound file (samples/compound/) the bot answers <c>统计 一营</c>
/// with that group's totals; a bad file stops the start, naming the file and the line.
/// </summary>
public class CompoundTests : ServerTestBase
{
    private static string SampleCompound()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChainBot.sln")))
                return Path.Combine(dir.FullName, "samples", "compound", "compound.json");
        }
        throw new DirectoryNotFoundException("No folder holding ChainBot.sln above the test assembly.");
    }

    [Test]
    public async Task A_group_tally_is_answered_with_that_groups_totals_and_buildings()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink,
            "ChainBot:Groups:g_zones:Coordinators:0=" + Conversation.Coordinator,
            "ChainBot:Compound:Path=" + SampleCompound());
        var group = new Conversation("g_zones", "zones");
        ChatMessage[] messages =
        [
            group.Say(Conversation.Coordinator, Conversation.Header + "1."),
            group.Say("u_wang", Conversation.Chain("1. 5号301 王阿姨 1份")),
            group.Say("u_li", Conversation.Chain("1. 5号301 王阿姨 1份", "2. 20号502 李 2份")),
            group.Say("u_chen", Conversation.Chain("1. 5号301 王阿姨 1份", "2. 20号502 李 2份", "3. 12号 101 陈 3份")),
            group.Say(Conversation.Coordinator, "统计 一营"),
        ];

        foreach (var message in messages)
            Assert.That(await bot.PostAcceptedAsync(message), Is.EqualTo("accepted"));
        var tally = await sink.WaitForReplyAsync("the 统计 一营 reply", reply => reply.InReplyTo == messages[^1].MsgId);

        Assert.That(tally.Text, Does.EndWith("""
            一营
            共2户
            蔬菜套餐 4份，¥272
            按楼：
            5号楼 1户：1份，¥68
            12号楼 1户：3份，¥204
            """));
        Assert.That(tally.Text, Does.Not.Contain("20号楼").And.Not.Contain("王阿姨"));
    }

    [Test]
    public async Task A_bad_compound_file_stops_the_start_naming_the_file_and_the_line()
    {
        string path = Path.Combine(Folder, "compound.csv");
        await File.WriteAllTextAsync(path, "area,group,building\n一区,一营,1\n一区,二营,1\n");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration = ["ChainBot:Compound:Path=" + path],
        }));

        Assert.That(failure!.Message, Is.EqualTo(
            $"ChainBot:Compound:Path: {path}: line 3: building 1 of 一区 is in two groups: 一营 (line 2) and 二营 (line 3)"));
    }

    [Test]
    public async Task A_missing_compound_file_stops_the_start()
    {
        string path = Path.Combine(Folder, "nowhere.json");

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(async () => await StartBotAsync(new BotSettings(DbPath)
        {
            Configuration = ["ChainBot:Compound:Path=" + path],
        }));

        Assert.That(failure!.Message, Does.StartWith($"ChainBot:Compound:Path: {path}: the file: cannot be read"));
    }
}
