using ChainBot.Core.Compounds;
using ChainBot.Core.Merging;
using ChainBot.Core.Messages;
using ChainBot.Core.Replies;
using ChainBot.Core.Tests.Specs;
using ChainBot.Core.Transcripts;

namespace ChainBot.Core.Tests.Replies;

/// <summary>
/// <c>samples/compound/day.jsonl</c> as the live bot with the compound file answers it: every command of the day is
/// answered at the asker's level, and nothing the group reads shows a phone number.
/// </summary>
public class CompoundDayReplyTests
{
    private static readonly Lazy<List<(IncomingMessage Message, List<BotReply> Replies)>> Day = new(Run);

    private static List<(IncomingMessage Message, List<BotReply> Replies)> Run()
    {
        string folder = Path.Combine(RepositoryPaths.Root, "samples", "compound");
        var compound = CompoundReader.Read(File.ReadAllText(Path.Combine(folder, "compound.json")), "compound.json").Compound!;
        using var reader = new StreamReader(Path.Combine(folder, "day.jsonl"));
        var messages = TranscriptReader.Read(reader).Where(line => line.IsMessage).Select(line => line.Message!.ToIncoming(line.LineNumber)).ToList();
        var merger = new ChainMerger(roles: compound.Roles);
        var context = ReplyContext.Default with { Compound = compound };
        var state = GroupState.Empty;
        var answered = new List<(IncomingMessage, List<BotReply>)>();
        foreach (var message in messages)
        {
            var result = merger.Apply(state, message);
            state = result.State;
            answered.Add((message, [.. BotReplies.For(message, result, context with { SenderIsCoordinator = compound.Roles.Coordinators.Contains(message.SenderId) })]));
        }
        return answered;
    }

    private static string AnswerTo(string senderId, string text) =>
        string.Join("\n", Day.Value.First(m => m.Message.SenderId == senderId && m.Message.Text == text).Replies.Select(r => r.Text));

    [Test]
    public void A_group_leader_s_统计_answers_for_their_group_and_an_area_leader_s_for_their_area()
    {
        Assert.That(AnswerTo("wxid_lead_1", "统计"), Does.Contain("一营"));
        Assert.That(AnswerTo("wxid_lead_2", "统计 三营"), Does.Contain("三营"));
        Assert.That(AnswerTo("wxid_lead_area_1", "@ChainBot 统计"), Does.Contain("一区"));
    }

    [Test]
    public void The_day_s_coordinator_commands_are_answered()
    {
        Assert.That(AnswerTo("wxid_lead_head", "截止"), Does.Contain("截止"));
        Assert.That(AnswerTo("wxid_lead_head", "到货"), Is.Not.Empty);
        Assert.That(AnswerTo("wxid_lead_head", "未领"), Does.Contain("未领"));
        Assert.That(AnswerTo("wxid_lead_head", "台账 配药"), Does.Contain("配药"));
    }

    [Test]
    public void Nothing_the_group_reads_all_day_shows_a_phone_number()
    {
        var texts = Day.Value.SelectMany(m => m.Replies).Select(r => r.Text).ToList();

        Assert.That(texts, Is.Not.Empty);
        Assert.That(texts.Where(SampleReplyTests.HasPhoneNumber), Is.Empty);
    }
}
