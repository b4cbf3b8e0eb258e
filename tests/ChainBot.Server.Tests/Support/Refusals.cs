using System.Net;

namespace ChainBot.Server.Tests.Support;

/// <summary>What every refused request must leave behind: its status, and nothing in the inbox or the outbox.</summary>
internal static class Refusals
{
    /// <summary>
    /// Sends <paramref name="push"/>, checks its status, that it left no row in the inbox nor a reply queued, and then
    /// that <paramref name="good"/> (the same channel, done right) is accepted, so the refusal was the request's fault.
    /// </summary>
    public static async Task AssertRefusedAsync(BotHost bot, string dbPath, Push push, HttpStatusCode status, Push good)
    {
        using (var response = await push.SendAsync(bot))
        {
            string answer = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(status), $"{push}: {answer}");
        }
        using (Assert.EnterMultipleScope())
        {
            Assert.That(InboxFile.Count(dbPath, "SELECT count(*) FROM inbox"), Is.Zero, "the refused request left a row in the inbox");
            Assert.That(InboxFile.Count(dbPath, "SELECT count(*) FROM outbox"), Is.Zero, "the refused request queued a reply");
        }

        using var accepted = await good.SendAsync(bot);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a good request right after: " + await accepted.Content.ReadAsStringAsync());
        Assert.That(InboxFile.MessageIds(dbPath), Has.Count.EqualTo(1), "only the good request is stored");
    }
}
