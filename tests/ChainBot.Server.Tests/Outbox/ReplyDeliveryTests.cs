using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Outbox;

/// <summary>
/// The bridge's reply endpoint misbehaving: 500s, a hang past the bot's timeout, a rate limit, a refusal. Transient failures are
/// retried (quick retries within a round, then rounds further apart) until the reply is delivered, exactly once;
/// a refusal parks it; and a group's replies reach the group in order whatever failed on the way.
/// </summary>
public class ReplyDeliveryTests : ServerTestBase
{
    [Test]
    public async Task Five_hundreds_then_a_timeout_then_success_deliver_the_reply_exactly_once()
    {
        var sink = await StartSinkAsync();
        sink.Script(SinkAnswer.Fail500, SinkAnswer.Fail500, SinkAnswer.Hang);
        var bot = await StartBotAsync(new BotSettings(DbPath) { ReplyUrl = sink.ReplyUrl, Outbox = BotSettings.FastOutbox });
        var group = new Conversation("g_retry", "retry");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        var tally = group.Say(Conversation.Coordinator, "统计");
        await bot.PostAcceptedAsync(tally);

        var reply = await sink.WaitForReplyAsync("the 统计 reply, after the failures", r => r.InReplyTo == tally.MsgId);
        await bot.WaitIdleAsync();

        using (Assert.EnterMultipleScope())
        {
            // Round 1: 500, a quick retry, 500. Round 2: a hang cut at the timeout, a quick retry, 200.
            Assert.That(sink.Requests.Select(r => (r.ReplyId, r.Answer)), Is.EqualTo(new[]
            {
                (reply.ReplyId, SinkAnswer.Fail500),
                (reply.ReplyId, SinkAnswer.Fail500),
                (reply.ReplyId, SinkAnswer.Hang),
                (reply.ReplyId, SinkAnswer.Succeed),
            }));
            Assert.That(reply.Deliveries, Is.EqualTo(1));
            Assert.That(sink.Requests.All(r => r.SignatureValid), Is.True, "every attempt signed");
            Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND attempts = 1 AND last_error = 'HTTP 500'"), Is.EqualTo(1),
                "sent, after one failed round whose reason is kept");
            var health = await bot.Store.HealthAsync();
            Assert.That((health.PendingReplies, health.ParkedReplies), Is.EqualTo((0L, 0L)));
        }
    }

    [Test]
    public async Task A_rate_limit_is_honoured_then_the_reply_delivered_once()
    {
        var sink = await StartSinkAsync();
        sink.Script(SinkAnswer.TooMany429);
        var bot = await StartBotAsync(new BotSettings(DbPath) { ReplyUrl = sink.ReplyUrl, Outbox = BotSettings.FastOutbox });
        var group = new Conversation("g_429", "limit");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, "统计"));

        var reply = await sink.WaitForReplyAsync("the 统计 reply, after the rate limit", _ => true);

        var requests = sink.Requests;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(requests.Select(r => r.Answer), Is.EqualTo(new[] { SinkAnswer.TooMany429, SinkAnswer.Succeed }), "no quick retry into a rate limit");
            Assert.That(requests[1].At - requests[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.99)), "Retry-After: 1 is waited out");
            Assert.That(reply.Deliveries, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_refusal_parks_the_reply_without_retrying_and_readiness_shows_it()
    {
        var sink = await StartSinkAsync();
        sink.Script(SinkAnswer.Reject400);
        var bot = await StartBotAsync(new BotSettings(DbPath) { ReplyUrl = sink.ReplyUrl, Outbox = BotSettings.FastOutbox });
        var group = new Conversation("g_park", "park");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, "统计"));

        var health = await Eventually.UntilAsync("the reply parked", () => bot.Store.HealthAsync(), h => h.ParkedReplies == 1);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(health.PendingReplies, Is.Zero);
            Assert.That(sink.Requests.Select(r => r.Answer), Is.EqualTo(new[] { SinkAnswer.Reject400 }), "a 400 will not pass: no retry");
            Assert.That(sink.Posted, Is.Empty);
            Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND last_error = 'HTTP 400'"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_group_s_later_reply_waits_while_an_earlier_one_waits_for_its_next_round()
    {
        var sink = await StartSinkAsync();
        sink.Script(SinkAnswer.Fail500, SinkAnswer.Fail500); // the first reply's first round
        // Rounds two seconds apart: the second reply is queued well within the first one's wait.
        string[] outbox = [.. BotSettings.FastOutbox.Where(s => !s.Contains("FirstRoundDelay", StringComparison.Ordinal)), "ChainBot:Outbox:FirstRoundDelay=00:00:02"];
        var bot = await StartBotAsync(new BotSettings(DbPath) { ReplyUrl = sink.ReplyUrl, Outbox = outbox });
        var group = new Conversation("g_order", "order");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        var first = group.Say(Conversation.Coordinator, "统计");
        var second = group.Say("u_wang", "我的");

        await bot.PostAcceptedAsync(first);
        await Eventually.UntilAsync("the first reply's failed round", () => sink.Requests, requests => requests.Count == 2);
        await bot.PostAcceptedAsync(second);
        await sink.WaitForPostedAsync(2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sink.Posted.Select(r => r.InReplyTo), Is.EqualTo(new[] { first.MsgId, second.MsgId }), "the group reads the answers in the order it asked");
            Assert.That(sink.Requests.Select(r => (r.ReplyId, r.Answer)), Is.EqualTo(new[]
            {
                (first.MsgId + "#1", SinkAnswer.Fail500),
                (first.MsgId + "#1", SinkAnswer.Fail500),
                (first.MsgId + "#1", SinkAnswer.Succeed),
                (second.MsgId + "#1", SinkAnswer.Succeed),
            }));
        }
    }
}
