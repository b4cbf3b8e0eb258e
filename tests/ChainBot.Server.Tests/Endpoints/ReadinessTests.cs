using System.Net;
using System.Text.Json;
using ChainBot.Server.Endpoints;
using ChainBot.Server.Options;
using ChainBot.Server.Tests.Support;
using ChainBot.Storage;

namespace ChainBot.Server.Tests.Endpoints;

/// <summary><c>/readyz</c> against the limits of <c>ChainBot:Health</c>: falling behind is 503 with the reason, and catching up is 200 again.</summary>
public class ReadinessTests : ServerTestBase
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Readyz_fails_while_the_outbox_backlog_passes_its_limit_and_recovers_once_it_drains()
    {
        var sink = await StartSinkAsync();
        sink.Script(Enumerable.Repeat(SinkAnswer.Fail500, 6).ToArray()); // two rounds of three attempts: the reply waits
        var bot = await StartBotAsync(sink, "ChainBot:Health:MaxOutboxBacklog=0");
        var group = new Conversation("g_backlog", "backlog");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, "统计"));

        var failing = await Eventually.UntilAsync("readiness to fail", () => ReadyzAsync(bot), answer => answer.Status == HttpStatusCode.ServiceUnavailable);
        Assert.That(failing.Body, Does.Contain("outbox backlog: 1 replies (limit 0)"));
        var recovered = await Eventually.UntilAsync("readiness to recover", () => ReadyzAsync(bot), answer => answer.Status == HttpStatusCode.OK);
        Assert.That(recovered.Body, Does.Contain("\"status\":\"ready\""));
        Assert.That(sink.Posted, Has.Count.EqualTo(1));
    }

    [TestCase(0, null, true, "ready")]
    [TestCase(1, 119, true, "ready")]
    [TestCase(1, 121, false, "oldest unprocessed message waiting 121 s (limit 120 s)")]
    [TestCase(10_001, 1, false, "inbox backlog: 10,001 messages (limit 10,000)")]
    public void Pending_messages_fail_readiness_past_the_backlog_or_age_limit(long pending, int? ageSeconds, bool ready, string status)
    {
        var health = new StoreHealth(true, pending, 0, 0) { OldestPendingMessageAt = ageSeconds is { } age ? Now.AddSeconds(-age) : null };

        Assert.That(Readiness.Of(health, new HealthOptions(), Now), Is.EqualTo(new Readiness(ready, status)));
    }

    [TestCase(1_000, 0, true, "ready")]
    [TestCase(1_001, 0, false, "outbox backlog: 1,001 replies (limit 1,000)")]
    [TestCase(0, 3, true, "ready; replies parked")]
    public void Pending_replies_fail_readiness_past_the_backlog_limit_and_parked_ones_do_not(long pending, long parked, bool ready, string status)
    {
        var health = new StoreHealth(true, 0, pending, parked) { OldestPendingReplyAt = Now.AddHours(-1) };

        Assert.That(Readiness.Of(health, new HealthOptions(), Now), Is.EqualTo(new Readiness(ready, status)));
    }

    [Test]
    public void An_unreachable_database_is_not_ready()
    {
        Assert.That(Readiness.Of(new StoreHealth(false, 0, 0, 0, "gone"), new HealthOptions(), Now), Is.EqualTo(new Readiness(false, "database unreachable")));
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadyzAsync(BotHost bot)
    {
        using var response = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        string body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body); // always JSON, ready or not
        return (response.StatusCode, body);
    }
}
