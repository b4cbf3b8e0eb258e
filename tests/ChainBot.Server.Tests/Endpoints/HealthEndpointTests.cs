using System.Net;
using System.Text.Json;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Endpoints;

/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers, with what waits in it, counts only.
public class HealthEndpointTests : ServerTestBase
{
    [Test]
    public async Task Healthz_answers_ok()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);

        using var response = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("ok"));
    }

    [Test]
    public async Task Readyz_answers_ready_with_the_counts()
    {
        var sink = await StartSinkAsync();
        var bot = await StartBotAsync(sink);

        var ready = await ReadyzAsync(bot);

        Assert.That(ready, Is.EqualTo("200 ready database=True pendingMessages=0 pendingReplies=0 parkedReplies=0"));
    }

    [Test]
    public async Task Readyz_stays_ready_with_a_parked_reply_and_counts_it()
    {
        // No reply URL configured: the tally's reply can never be delivered, and is parked at once.
        var bot = await StartBotAsync(new BotSettings(DbPath));
        var group = new Conversation("g_ready", "ready");
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份")));
        await bot.PostAcceptedAsync(group.Say(Conversation.Coordinator, "统计"));

        var ready = await Eventually.UntilAsync("the reply parked", () => ReadyzAsync(bot), body => body.Contains("parkedReplies=1", StringComparison.Ordinal));

        Assert.That(ready, Is.EqualTo("200 ready; replies parked database=True pendingMessages=0 pendingReplies=0 parkedReplies=1"));
    }

    /// The answer in one line: status code, then the body's members in order.
    private static async Task<string> ReadyzAsync(BotHost bot)
    {
        using var response = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.That(root.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null, Is.False, root.ToString());
        return $"{(int)response.StatusCode} {root.GetProperty("status").GetString()} database={root.GetProperty("database").GetBoolean()} "
            + $"pendingMessages={root.GetProperty("pendingMessages").GetInt64()} pendingReplies={root.GetProperty("pendingReplies").GetInt64()} "
            + $"parkedReplies={root.GetProperty("parkedReplies").GetInt64()}";
    }
}
