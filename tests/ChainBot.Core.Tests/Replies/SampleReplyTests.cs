using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Replies;
using ChainBot.Core.Tests.Specs;
using ChainBot.Core.Text;
using ChainBot.Core.Transcripts;

namespace ChainBot.Core.Tests.Replies;

/// <summary>
/// Every answer the samples can draw: each transcript of <c>samples/transcripts/</c> replayed and every message
/// answered (as a resident and as a coordinator, with acknowledgements on and off, with the default limits and with
/// tiny ones), then every command sent by the chain's opener, a resident and a stranger. Each answer must fit its
/// limits and never hold a phone number; the lists the whole group reads never hold a full name. The same again with
/// a phone number typed into every line, title and display name, and with each post of <c>samples/chains/</c>.
/// </summary>
public partial class SampleReplyTests
{
    private static readonly string[] Commands =
        ["统计", "@ChainBot 汇总", "3号楼", "12号楼", "8栋", "3号楼2单元", "我的", "帮助", "导出", "接受 12-301", "截止", "接受", "统计", "我的", "台账", "台账 配药"];

    private static readonly ReplyContext[] Contexts =
    [
        ReplyContext.Default,
        new() { SenderIsCoordinator = true, AcknowledgeEntries = true },
        new() { AcknowledgeEntries = true, MaxBytes = 120, MaxLines = 4 },
        new() { SenderIsCoordinator = true, MaxBytes = ReplyDefaults.MinimumBytes, MaxLines = 1 },
    ];

    public static IEnumerable<TestCaseData> Transcripts() =>
        Directory.GetFiles(RepositoryPaths.TranscriptDirectory, "*.jsonl").Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetName("Replies_" + SpecExample.Sanitize(Path.GetFileNameWithoutExtension(path))));

    public static IEnumerable<TestCaseData> ChainPosts() =>
        Directory.GetFiles(RepositoryPaths.SampleDirectory, "*.txt").Where(path => !path.EndsWith(".expected.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(path => new TestCaseData(Path.GetFileNameWithoutExtension(path)).SetName("Replies_" + SpecExample.Sanitize(Path.GetFileNameWithoutExtension(path))));

    [TestCaseSource(nameof(Transcripts))]
    public void Every_answer_to_a_transcript_fits_and_shows_no_phone_and_no_full_name_in_lists(string name) =>
        Check(Read(name));

    [TestCaseSource(nameof(Transcripts))]
    public void With_phone_numbers_typed_everywhere_no_answer_shows_one(string name) =>
        Check(Read(name).Select(WithPhones).ToList());

    [TestCaseSource(nameof(ChainPosts))]
    public void Every_answer_to_a_sample_post_fits_and_shows_no_phone(string name)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryPaths.SampleDirectory, name + ".txt"));
        var time = new DateTimeOffset(2022, 4, 18, 9, 30, 0, TimeSpan.FromHours(8));
        Check([new IncomingMessage("post", "g", "opener", "团长", time, text), new IncomingMessage("copy", "g", "13812345678", "13812345678", time.AddMinutes(1), text)]);
    }

    [Test]
    public void The_samples_draw_every_kind_of_answer()
    {
        // The checks above mean something only if the samples reach these answers.
        var said = Read("interleaved").Concat(Read("owner-edit")).Concat(Read("late")).Concat(Read("short-replies"))
            .GroupBy(m => m.GroupId).SelectMany(group => Answers([.. group])).Select(a => a.Reply.Text).ToList();
        Assert.That(said, Has.Some.Contains("¥"));
        Assert.That(said, Has.Some.Contains("**"));
        Assert.That(said, Has.Some.Contains("你的登记"));
        Assert.That(said, Has.Some.Contains("是别人登记的"));
        Assert.That(said, Has.Some.Contains("不知道是哪个接龙的"));
        Assert.That(said, Has.Some.Contains("没找到你的登记"));
        Assert.That(said, Has.Some.Contains("已登记"));
        Assert.That(said, Has.Some.Contains("已截止"));
        Assert.That(said, Has.Some.StartsWith("（1/"));
    }

    private static void Check(List<IncomingMessage> messages)
    {
        foreach (var (context, command, reply, state) in Answers(messages))
        {
            string where = $"{command}\n---\n{reply.Text}";
            Assert.That(Encoding.UTF8.GetByteCount(reply.Text), Is.LessThanOrEqualTo(context.MaxBytes), where);
            Assert.That(reply.Text.Split('\n'), Has.Length.LessThanOrEqualTo(context.MaxLines), where);
            Assert.That(MessageSplitterTests.IsWellFormed(reply.Text), Is.True, where);
            Assert.That(HasPhoneNumber(reply.Text), Is.False, where);
            if (command is "统计" or "@ChainBot 汇总" or "3号楼" or "12号楼" or "8栋" or "3号楼2单元")
            {
                foreach (string name in FullNames(state))
                    Assert.That(reply.Text, Does.Not.Contain(name), where);
            }
        }
    }

    /// <summary>Every answer: each message under each context, then each command from three senders.</summary>
    private static IEnumerable<(ReplyContext Context, string Command, BotReply Reply, GroupState State)> Answers(List<IncomingMessage> messages)
    {
        var merger = ChainMerger.Default;
        var state = GroupState.Empty;
        foreach (var message in messages)
        {
            var result = merger.Apply(state, message);
            foreach (var context in Contexts)
            {
                foreach (var reply in BotReplies.For(message, result, context))
                    yield return (context, message.Text, reply, result.State);
            }
            state = result.State;
        }
        string opener = state.Chains.IsEmpty ? "nobody" : state.Chains[^1].OpenedBy.SenderId;
        string resident = messages.Select(m => m.SenderId).FirstOrDefault(id => id != opener) ?? "resident";
        var time = messages[^1].Time.AddMinutes(1);
        int n = 0;
        foreach (string command in Commands)
        {
            foreach (string sender in new[] { opener, resident, "stranger" })
            {
                var message = new IncomingMessage("cmd-" + n++.ToString(CultureInfo.InvariantCulture), messages[0].GroupId, sender, null, time, command);
                var result = merger.Apply(state, message);
                foreach (var context in Contexts)
                {
                    foreach (var reply in BotReplies.For(message, result, context))
                        yield return (context, command, reply, result.State);
                }
                state = result.State;
            }
        }
    }

    /// <summary>Names of two characters or more, which the group's lists shorten (王阿姨 → 王**).</summary>
    private static IEnumerable<string> FullNames(GroupState state) =>
        state.Chains.SelectMany(chain => chain.Entries).Select(e => e.Entry.Name).OfType<string>()
            .Where(name => new StringInfo(name.Trim()).LengthInTextElements >= 2).Distinct();

    /// <summary>The message with a phone number after every line, in its display name and (full-width) in its title.</summary>
    private static IncomingMessage WithPhones(IncomingMessage message, int index)
    {
        var lines = message.Text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0 && message.Solitaire is null)
                lines[i] += " 139" + (10_000_000 + index * 100 + i).ToString(CultureInfo.InvariantCulture);
        }
        return message with { Text = string.Join('\n', lines), SenderName = "１３７００００" + index.ToString("0000", CultureInfo.InvariantCulture) };
    }

    private static List<IncomingMessage> Read(string name)
    {
        using var reader = new StreamReader(Path.Combine(RepositoryPaths.TranscriptDirectory, name + ".jsonl"));
        return [.. TranscriptReader.Read(reader).Where(line => line.IsMessage).Select(line => line.Message!.ToIncoming(line.LineNumber))];
    }

    /// <summary>
    /// True when the text shows a phone number: one the parser would find (spaced, dashed) that is not masked, or
    /// eleven digits in a row starting 1[3-9], typed in either width.
    /// </summary>
    internal static bool HasPhoneNumber(string text)
    {
        string folded = Folded(text);
        for (int offset = 0; PhoneNumbers.TryFind(folded.AsSpan(offset), out int start, out int length); offset += start + length)
        {
            if (!folded.AsSpan(offset + start, length).Contains('*'))
                return true;
        }
        return ElevenDigits().IsMatch(folded);
    }

    /// <summary>Full-width digits as ASCII ones, so a number typed in either shows.</summary>
    private static string Folded(string text) => new([.. text.Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c)]);

    /// <summary>Eleven digits in a row starting 1[3-9]: a mainland mobile number.</summary>
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")]
    private static partial Regex ElevenDigits();
}
