using System.Collections.Concurrent;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Pipeline;

/// <summary>
/// A host stopped in the middle of a stream of messages, and a new one started on the same SQLite file: every
/// message that was acknowledged (200) is processed exactly once in the end, in the order the inbox took it, and the
/// group gets every reply it is owed exactly once and in order — what a replay of the processed messages through the
/// merger says.
/// </summary>
public class RestartTests : ServerTestBase
{
    private const string GroupId = "g_restart";
    private const int StreamLength = 150;
    private const int StopAfterAcks = 30;
    private const int Bridges = 4;

    [Test]
    public async Task A_host_stopped_mid_stream_loses_and_doubles_nothing_once_a_new_host_runs_on_its_file()
    {
        var sink = await StartSinkAsync();
        string[] configuration = ["ChainBot:Groups:" + GroupId + ":Coordinators:0=" + Conversation.Coordinator, "ChainBot:Groups:" + GroupId + ":Acknowledge=true"];
        var first = await StartBotAsync(sink, configuration);
        var stream = Stream();

        // The first host gets the chain, then a stream posted by four bridges at once; it is stopped once 30 are
        // acknowledged, while the bridges keep posting (and are refused, or cut off) until the stream is spent.
        Assert.That(await first.PostAcceptedAsync(stream[0]), Is.EqualTo("accepted"));
        var acked = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal) { [stream[0].MsgId] = true };
        var enoughAcked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var queue = new ConcurrentQueue<ChatMessage>(stream.Skip(1));
        var bridges = Enumerable.Range(0, Bridges).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var message))
            {
                if (await TryPostAsync(first, message))
                    acked[message.MsgId] = true;
                if (acked.Count >= StopAfterAcks)
                    enoughAcked.TrySetResult();
            }
        })).ToArray();
        await Eventually.WithinAsync($"{StopAfterAcks} messages acknowledged", enoughAcked.Task);
        var stopping = DateTimeOffset.UtcNow;
        await first.StopAsync();
        var stopped = DateTimeOffset.UtcNow;
        await Eventually.WithinAsync("the bridges to post the rest of the stream", Task.WhenAll(bridges));
        await first.DisposeAsync();
        var ackedByFirst = acked.Keys.ToHashSet(StringComparer.Ordinal);
        TestContext.Out.WriteLine($"The first host acknowledged {ackedByFirst.Count} of {stream.Count} messages; the sink had {sink.Posted.Count} replies.");
        Assert.That(ackedByFirst, Has.Count.LessThan(stream.Count), "the stop came after the stream had ended: nothing was tested");

        // The second host, on the same file. The bridges deliver everything again (they retry what failed, and
        // may repeat what succeeded): whatever the first host acknowledged is a duplicate now.
        var second = await StartBotAsync(sink, configuration);
        var again = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var message in stream)
            again[message.MsgId] = await second.PostAcceptedAsync(message);
        var tally = new ChatMessage("restart-tally", GroupId, Conversation.Coordinator, "团长", ChatMessage.Morning.AddHours(10), "统计");
        Assert.That(await second.PostAcceptedAsync(tally), Is.EqualTo("accepted"));
        await sink.WaitForReplyAsync("the final 统计 reply", reply => reply.InReplyTo == tally.MsgId);
        await second.WaitIdleAsync();

        var processed = await second.Store.ProcessedAsync(GroupId);
        var expected = ExpectedReplies.Replay(processed.Select(record => record.Message), [Conversation.Coordinator], acknowledge: true);
        var posted = sink.Posted;
        TestContext.Out.WriteLine($"{processed.Count} messages processed, {expected.Replies.Count} replies owed, {posted.Count} posted, {sink.Requests.Count} requests at the sink.");
        TestContext.Out.WriteLine($"The first host stopped from {stopping:HH:mm:ss.ffffff} to {stopped:HH:mm:ss.ffffff}.");
        foreach (var request in sink.Requests.GroupBy(r => r.ReplyId).Where(g => g.Count() > 1).SelectMany(g => g))
            TestContext.Out.WriteLine($"Reply {request.ReplyId} requested at {request.At:HH:mm:ss.ffffff}, answered {request.Answer}");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ackedByFirst.Where(id => again[id] != "duplicate"), Is.Empty, "acknowledged by the first host, yet not in the file");
            Assert.That(InboxFile.MessageIds(DbPath), Is.EquivalentTo(stream.Select(m => m.MsgId).Append(tally.MsgId)), "every message stored once");
            Assert.That(processed.Select(r => r.Message.MsgId), Is.EquivalentTo(stream.Select(m => m.MsgId).Append(tally.MsgId)), "every message processed once");
            Assert.That(processed.Select(r => r.Id), Is.Ordered, "processed in the order the inbox took them");
            Assert.That(expected.Replies, Has.Count.GreaterThan(StreamLength / 2), "the stream calls for many replies");
            Assert.That(posted.Select(r => ExpectedReplies.Of(r).ToString()), Is.EqualTo(expected.Replies.Select(r => r.ToString())),
                "the replies posted are those a replay of the processed messages owes, each once, in order");
            // Not even sent twice (a bridge would ignore the repeat): a reply under way when the host stopped was
            // finished and recorded, not cut off and left for the next host.
            Assert.That(posted.Where(r => r.Deliveries > 1).Select(r => r.ReplyId), Is.Empty, "replies delivered more than once");
            Assert.That(sink.Requests.All(r => r.SignatureValid), Is.True);
        }
    }

    [Test]
    public async Task A_reply_under_way_when_the_host_stops_is_finished_not_cut_off_and_not_sent_again()
    {
        var sink = await StartSinkAsync();
        sink.Script(SinkAnswer.SlowSucceed);
        var first = await StartBotAsync(sink);
        var group = new Conversation("g_slow", "slow");
        await first.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        var tally = group.Say(Conversation.Coordinator, "统计");
        await first.PostAcceptedAsync(tally);

        await Eventually.UntilAsync("the reply under way", () => sink.Requests, requests => requests.Count == 1);
        await first.StopAsync();
        await first.DisposeAsync();

        Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"), Is.EqualTo(1),
            "the bridge took the reply while the host stopped, yet the host did not record it as sent");
        var second = await StartBotAsync(sink);
        var again = group.Say(Conversation.Coordinator, "统计");
        await second.PostAcceptedAsync(again);
        await sink.WaitForReplyAsync("the second host's reply", reply => reply.InReplyTo == again.MsgId);
        await second.WaitIdleAsync();
        Assert.That(sink.Requests.Select(r => r.ReplyId), Is.EqualTo(new[] { tally.MsgId + "#1", again.MsgId + "#1" }), "the first reply was sent again");
    }

    /// The chain, then residents' lines (acknowledged), some a message the bot cannot place, some 我的, some a copy of
    /// the chain with a line it cannot read: most messages call for a reply.
    private static List<ChatMessage> Stream()
    {
        var group = new Conversation(GroupId, "restart");
        var messages = new List<ChatMessage> { group.Say(Conversation.Coordinator, Conversation.Header + "1.") };
        for (int i = 1; i < StreamLength; i++)
        {
            string sender = $"u_{i:000}";
            messages.Add((i % 10) switch
            {
                3 => group.Say(sender, "我也要2份"),
                7 => group.Say($"u_{i - 1:000}", "我的"),
                9 => group.Say(sender, Conversation.Chain("1. 12号301 王阿姨 1份", $"2. 7号 {900 + i} 周 2斤")),
                _ => group.Say(sender, $"{1 + (i % 15)}号{100 + i} 居民{i} {1 + (i % 3)}份"),
            });
        }
        return messages;
    }

    /// Posts once, as a bridge does; true when the host acknowledged it (200). A refused connection, a connection
    /// cut by the stop, or any other status is no acknowledgement.
    private static async Task<bool> TryPostAsync(BotHost host, ChatMessage message)
    {
        try
        {
            using var response = await host.PostAsync(message);
            return (int)response.StatusCode == 200;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException)
        {
            return false;
        }
    }
}
