using System.Globalization;
using ChainBot.Server.Tests.Support;
using static ChainBot.Server.Tests.Support.OfficialAccountPush;

namespace ChainBot.Server.Tests.Outbox;

/// <summary>
/// WeChat's customer-service API (a fake on loopback) answering as it does on a bad day — 5xx, no answer, -1 busy,
/// 40001/42001 for a token, 45009 for the day's quota, 45015 for a user out of reach — and every reply delivered
/// exactly once, or kept with its reason; none lost silently, none sent twice (wechat-protocol.md §1.5).
/// </summary>
public class PlatformFailureTests : ServerTestBase
{
    public static IEnumerable<TestCaseData> PassingFailures()
    {
        yield return new TestCaseData(new[] { PlatformAnswer.Http(500), PlatformAnswer.Http(502) }, 1).SetName("HTTP_500_then_502");
        yield return new TestCaseData(new[] { PlatformAnswer.Timeout }, 1).SetName("no_answer_past_the_attempt_timeout");
        yield return new TestCaseData(new[] { PlatformAnswer.Error(-1), PlatformAnswer.Error(-1) }, 1).SetName("errcode_minus_1_system_busy_twice");
        yield return new TestCaseData(new[] { PlatformAnswer.Error(42001) }, 2).SetName("errcode_42001_token_expired");
        yield return new TestCaseData(new[] { PlatformAnswer.Error(40001), PlatformAnswer.Error(42001) }, 3).SetName("errcode_40001_then_42001");
    }

    [TestCaseSource(nameof(PassingFailures))]
    public async Task A_failure_that_passes_ends_in_the_reply_delivered_exactly_once(PlatformAnswer[] failures, int tokens)
    {
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartAsync(platform);
        platform.FailSends(failures);

        await AskForTallyAsync(bot);

        await Eventually.UntilAsync("the tally through the customer-service API", () => platform.CustomerService.Count, count => count >= 1);
        await bot.WaitIdleAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(platform.CustomerService, Has.Count.EqualTo(1), "delivered once, never twice");
            Assert.That(platform.PendingFailures, Is.Zero, "every scripted failure was met");
            Assert.That(platform.SendAttempts, Is.EqualTo(failures.Length + 1), "each failure retried once, no more");
            Assert.That(platform.TokensIssued, Is.EqualTo(tokens), "a refused token is fetched again, once per refusal");
            Assert.That(platform.CustomerService.Single().Token, Is.EqualTo("T" + tokens), "sent with the newest token");
            Assert.That(platform.CustomerService.Single().Body.GetProperty("text").GetProperty("content").GetString(), Does.Contain("共1户"));
            Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"), Is.EqualTo(1));
            Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL"), Is.Zero);
        }
    }

    [Test]
    public async Task Errcode_45009_the_day_s_quota_holds_the_reply_for_a_later_round_without_retrying_now()
    {
        // §1.5: "daily API quota reached → stop". The reply stays queued, its reason kept, its next try no sooner than
        // the longest round delay (half an hour), and not one quick retry meanwhile.
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartAsync(platform);
        platform.FailSends(45009);

        await AskForTallyAsync(bot);

        await Eventually.UntilAsync("the reply held", () => Task.FromResult(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE last_error LIKE 'errcode 45009%'")), held => held == 1);
        string notBefore = DateTimeOffset.UtcNow.AddMinutes(25).UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffff'Z'", CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromMilliseconds(500)); // rounds are 0.1 s apart here: a retry would have come by now
        using (Assert.EnterMultipleScope())
        {
            Assert.That(platform.SendAttempts, Is.EqualTo(1), "no retry into a spent quota");
            Assert.That(platform.CustomerService, Is.Empty);
            Assert.That(InboxFile.Count(DbPath, $"SELECT count(*) FROM outbox WHERE sent_at IS NULL AND parked_at IS NULL AND attempts = 1 AND next_attempt_at > '{notBefore}'"), Is.EqualTo(1),
                "still queued, for a round at least 25 minutes away");
            Assert.That((await bot.Store.HealthAsync()).PendingReplies, Is.EqualTo(1), "counted as pending, not lost");
        }
    }

    [Test]
    public async Task Errcode_45015_a_user_out_of_reach_parks_the_reply_with_its_reason_at_once()
    {
        await using var platform = await FakePlatform.StartAsync();
        var bot = await StartAsync(platform);
        platform.FailSends(45015);

        await AskForTallyAsync(bot);

        var health = await Eventually.UntilAsync("the reply parked", () => bot.Store.HealthAsync(), h => h.ParkedReplies == 1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(health.PendingReplies, Is.Zero);
            Assert.That(platform.SendAttempts, Is.EqualTo(1), "45015 will not pass: no retry");
            Assert.That(platform.CustomerService, Is.Empty);
            Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM outbox WHERE parked_at IS NOT NULL AND last_error LIKE 'errcode 45015%'"), Is.EqualTo(1));
        }
    }

    private async Task<BotHost> StartAsync(FakePlatform platform) =>
        await StartBotAsync(new BotSettings(DbPath)
        {
            Outbox = BotSettings.FastOutbox,
            Configuration = [.. Settings(platform.ApiBase), "ChainBot:Channels:WeChat:PassiveReplies=false"],
        });

    /// <summary>A chain, then 统计: one reply, the tally, through the customer-service API.</summary>
    private static async Task AskForTallyAsync(BotHost bot)
    {
        foreach (var (msgId, text) in new[] { ("6054768590064714001", "#接龙\n天山三村 蔬菜套餐团购\n68元/份\n\n1. 12号301 王阿姨 1份"), ("6054768590064714002", "统计") })
        {
            using var response = await Sealed(Push.Utf8(Message($"<![CDATA[{text}]]>", msgId))).SendAsync(bot);
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        }
    }
}
