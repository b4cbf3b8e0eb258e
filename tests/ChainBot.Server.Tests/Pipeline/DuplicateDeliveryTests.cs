using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Pipeline;

/// A bridge that delivers a message more than once, even three times at the same moment: stored once, processed
/// once, answered once.
public class DuplicateDeliveryTests : ServerTestBase
{
    [Test]
    public async Task The_same_message_delivered_three_times_concurrently_is_processed_and_answered_once()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink, "ChainBot:Groups:g_dup:Coordinators:0=" + Conversation.Coordinator);
        var group = new Conversation("g_dup", "dup");
        var history = new List<ChatMessage> { group.Say(Conversation.Coordinator, Conversation.Header + "1.") };
        await bot.PostAcceptedAsync(history[0]);

        // Ten messages, each answered (a line, a tally, 我的), each delivered three times at once.
        string[] texts = ["12-301 王阿姨 1份", "统计", "我的", "15-502 李 2份", "我也要2份", "统计", "3号楼201 陈先生 1份", "我的", "12-301 取消", "统计"];
        string[] senders = ["u_wang", Conversation.Coordinator, "u_wang", "u_li", "u_zhou", "u_li", "u_chen", "u_chen", "u_wang", Conversation.Coordinator];
        var statuses = new List<string[]>();
        for (int i = 0; i < texts.Length; i++)
        {
            var message = group.Say(senders[i], texts[i]);
            history.Add(message);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var deliveries = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
            {
                await gate.Task;
                return await bot.PostAcceptedAsync(message);
            })).ToArray();
            gate.SetResult();
            statuses.Add(await Eventually.WithinAsync($"three deliveries of {message.MsgId}", Task.WhenAll(deliveries)));
        }
        await bot.WaitIdleAsync();

        var expected = ExpectedReplies.For(history.Select(m => m.ToIncoming()), [Conversation.Coordinator]);
        using (Assert.EnterMultipleScope())
        {
            foreach (var three in statuses)
                Assert.That(three.Order(), Is.EqualTo(new[] { "accepted", "duplicate", "duplicate" }));
            Assert.That(InboxFile.MessageIds(DbPath), Is.EquivalentTo(history.Select(m => m.MsgId)), "each message stored once");
            Assert.That(await bot.Store.ProcessedAsync("g_dup"), Has.Count.EqualTo(history.Count), "each message processed once");
            Assert.That(expected, Has.Count.EqualTo(6), "three tallies, two 我的, one message that could not be placed");
            Assert.That(sink.Posted.Select(r => ExpectedReplies.Of(r).ToString()), Is.EqualTo(expected.Select(r => r.ToString())));
            Assert.That(sink.Posted.Where(r => r.Deliveries != 1), Is.Empty, "no reply delivered twice");
        }
    }
}
