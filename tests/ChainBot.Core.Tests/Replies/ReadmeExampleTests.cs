using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Replies;
using ChainBot.Core.Tests.Specs;
using ChainBot.Core.Transcripts;

namespace ChainBot.Core.Tests.Replies;

/// <summary>
/// The README's section "Commands in the group" shows real answers: each of its answer blocks must be what the code
/// answers now to the sample transcripts' messages (and the few messages added after them) it names.
/// </summary>
public class ReadmeExampleTests
{
    [Test]
    public void Every_answer_in_the_README_is_what_the_bot_says()
    {
        var said = Answers().ToList();
        var blocks = AnswerBlocks();

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(10));
        foreach (string block in blocks)
            Assert.That(said, Has.Member(block), "README block not said by the bot:\n" + block);
    }

    private static IEnumerable<string> Answers()
    {
        var coordinator = (IncomingMessage m) => new ReplyContext { SenderIsCoordinator = m.SenderId == "u_chen_tz" };
        var resident = (IncomingMessage _) => ReplyContext.Default;
        string copy = Read("growing").Last(m => m.Text.Contains("12. ", StringComparison.Ordinal)).Text;
        return Replay("growing", coordinator, ("u_li15502", "统计"))
            .Concat(Replay("second-line", resident))
            .Concat(Replay("late", resident, ("u_tz_jinqiu", "接受 15-1101"), ("u_chen3201", "截止"), ("u_chen3201", "导出"), ("u_chen3201", "帮助")))
            .Concat(Replay("owner-edit", resident))
            .Concat(Replay("interleaved", resident))
            .Concat(Replay("short-replies", resident))
            .Concat(Replay("growing", coordinator, Pickups))
            .Concat(Replay("ledger", resident))
            .Concat(Replay("growing", resident, ("u_qian12903", copy + "\n13. 12号 903 钱 2斤\n14. 韭菜 1份\n15. 8号 101 吴 13812345678")));
    }

    /// <summary>Pickup registration after the growing chain: 到货 from the coordinator and from a resident, 已领, 已取, 全部已领, 未领.</summary>
    private static readonly (string Sender, string Text)[] Pickups =
    [
        ("u_chen_tz", "到货"), ("u_li15502", "到货"), ("u_wang12301", "已领"), ("u_vol3_xiaosun", "3-201 已取"),
        ("u_chen_tz", "12号楼全部已领"), ("u_li15502", "未领"), ("u_vol3_xiaosun", "3号楼未领"),
    ];

    /// <summary>Every answer to a transcript's messages and to <paramref name="extra"/> sent after them, a minute apart.</summary>
    private static IEnumerable<string> Replay(string name, Func<IncomingMessage, ReplyContext> context, params (string Sender, string Text)[] extra)
    {
        var messages = Read(name);
        var last = messages[^1].Time;
        var added = extra.Select((e, i) => new IncomingMessage("extra" + i, messages[0].GroupId, e.Sender, null, last.AddMinutes(i + 1), e.Text));
        var state = GroupState.Empty;
        foreach (var message in messages.Concat(added))
        {
            var result = ChainMerger.Default.Apply(state, message);
            state = result.State;
            foreach (var reply in BotReplies.For(message, result, context(message)))
                yield return ReplyScript.Show([reply]);
        }
    }

    /// <summary>The fenced blocks of the README's section on commands that are answers (not code).</summary>
    private static List<string> AnswerBlocks()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        int start = readme.IndexOf("## Commands in the group", StringComparison.Ordinal);
        int end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "README has no section 'Commands in the group'");
        var parts = readme[start..end].Split("```\n");
        // Split on fences: the odd parts are the blocks' insides.
        return [.. parts.Where((_, i) => i % 2 == 1).Select(block => block.TrimEnd('\n'))];
    }

    private static List<IncomingMessage> Read(string name)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.TranscriptDirectory, name + ".jsonl"));
        return [.. TranscriptReader.Read(reader).Where(line => line.IsMessage).Select(line => line.Message!.ToIncoming(line.LineNumber))];
    }
}
