using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
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

    [Test]
    public async Task Without_a_secret_a_caller_from_another_address_is_refused()
    {
        // The only way to be a caller that is not loopback from inside a test: this machine's own address on a
        // network interface. Without one there is nothing to test here; the decision itself is tested below.
        var own = NetworkInterface.GetAllNetworkInterfaces()
            .Where(nic => nic.OperationalStatus == OperationalStatus.Up && nic.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(unicast => unicast.Address)
            .FirstOrDefault(address => address.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(address));
        if (own is null)
            Assert.Ignore("This machine has no IPv4 address besides loopback to call from.");
        var sink = await StartSinkAsync(secret: null);
        // Loopback and, for this one test, the machine's own address: the server must refuse what comes in on it.
        BotHost bot;
        try
        {
            bot = await StartBotAsync(new BotSettings(DbPath) { Secret = null, ReplyUrl = sink.ReplyUrl, Urls = $"http://127.0.0.1:0;http://{own}:0" });
        }
        catch (IOException e)
        {
            Assert.Ignore($"Cannot listen on {own}: {e.Message}");
            throw;
        }
        var external = bot.Addresses.Single(address => address.Host == own.ToString());
        using var client = new HttpClient { BaseAddress = external, Timeout = TimeSpan.FromSeconds(10) };
        var message = new ChatMessage("m-far", "g_loop", "u_far", null, ChatMessage.Morning, "统计");

        HttpResponseMessage response;
        try
        {
            response = await bot.PostRawAsync(message.ToJson(), client: client);
        }
        catch (HttpRequestException e)
        {
            Assert.Ignore($"This machine cannot call itself on {own}: {e.Message}");
            throw;
        }
        using (response)
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), body);
            Assert.That(body, Does.Contain("only loopback callers are accepted"));
        }
        Assert.That(InboxFile.Count(DbPath, "SELECT count(*) FROM inbox"), Is.Zero);
        Assert.That(await bot.PostAcceptedAsync(message), Is.EqualTo("accepted"), "the same message over loopback");
    }

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
