using System.Net;
using ChainBot.Server.Endpoints;
using ChainBot.Server.Tests.Support;

namespace ChainBot.Server.Tests.Endpoints;

/// With no secret configured (a fresh clone), the generic webhook takes unsigned messages from this machine only.
public class LoopbackOnlyTests : ServerTestBase
{
    [Test]
    public async Task Without_a_secret_a_loopback_caller_is_accepted_unsigned_and_answered_unsigned()
    {
        var sink = await StartSinkAsync(secret: null);
        var bot = await StartBotAsync(new BotSettings(DbPath) { Secret = null, ReplyUrl = sink.ReplyUrl });
        var group = new Conversation("g_loop", "loop");
        var open = group.Say(Conversation.Coordinator, Conversation.Chain("1. 12号301 王阿姨 1份"));
        var tally = group.Say(Conversation.Coordinator, "统计");

        Assert.That(await bot.PostAcceptedAsync(open), Is.EqualTo("accepted"));
        Assert.That(await bot.PostAcceptedAsync(tally), Is.EqualTo("accepted"));
        var reply = await sink.WaitForReplyAsync("the 统计 reply", r => r.InReplyTo == tally.MsgId);

        Assert.That(reply.Text, Does.Contain("共1户"));
        Assert.That(sink.Requests.Single().SignatureValid, Is.True, "no signature headers without a secret");
    }

    // A caller that is not loopback cannot be made inside a test without listening on a real network address,
    // which the tests never do (127.0.0.1 only): the endpoint's decision is tested on the addresses themselves.
    [TestCase("127.0.0.1", true)]
    [TestCase("127.10.20.30", true)]
    [TestCase("::1", true)]
    [TestCase("::ffff:127.0.0.1", true)]
    [TestCase("::ffff:127.0.0.2", true)]
    [TestCase("192.0.2.2", false)]
    [TestCase("10.0.0.1", false)]
    [TestCase("::ffff:192.0.2.2", false)]
    [TestCase("2001:db8::1", false)]
    [TestCase("0.0.0.0", false)]
    [TestCase("::", false)]
    public void Unsigned_requests_are_accepted_from_loopback_addresses_only(string address, bool accepted) =>
        Assert.That(GenericEndpoint.AcceptsUnsigned(IPAddress.Parse(address)), Is.EqualTo(accepted));

    [Test]
    public void An_unknown_caller_is_refused() => Assert.That(GenericEndpoint.AcceptsUnsigned(null), Is.False);
}
