using ChainBot.Core.Messages;
using ChainBot.Server.Instances;
using ChainBot.Server.Options;
using ChainBot.Server.Outbox;
using ChainBot.Server.Pipeline;
using ChainBot.Storage;
using ChainBot.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChainBot.Server.Tests.Outbox;

/// <summary>
/// The sender when the host stops at the worst moment: the channel has just taken a reply. That reply must be
/// recorded as sent all the same, or the next host sends it again. (The restart test shows the effect end to end;
/// this pins the moment down, which a stop racing a real HTTP call hits only some of the time.)
/// </summary>
public class OutboxSenderStopTests : ServerTestBase
{
    [Test]
    public async Task A_reply_the_channel_took_as_the_host_stopped_is_recorded_as_sent()
    {
        await using var store = new SqliteChainBotStore(DbPath);
        var accepted = await store.AcceptAsync(new InboxMessage("generic",
            new IncomingMessage("m1", "g1", "u1", null, DateTimeOffset.UtcNow, "统计"), DateTimeOffset.UtcNow));
        await store.CompleteAsync([accepted.Id], [new OutboxReply("m1#1", "generic", "g1", "m1", [], "【统计】")]);
        using var stopping = new CancellationTokenSource();
        var transport = new StoppingTransport(stopping);
        var options = Microsoft.Extensions.Options.Options.Create(new OutboxOptions());
        using var signal = new OutboxSignal();
        using var sender = new OutboxSender(store, [transport], new ReplyResilience(options, TimeProvider.System), new PassiveReplies(), signal, options,
            new InstanceIdentity(), Microsoft.Extensions.Options.Options.Create(new InstanceOptions()), TimeProvider.System, NullLogger<OutboxSender>.Instance);

        try
        {
            await sender.SendDueAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // The stop may end the round; what matters is what the store says next.
        }

        Assert.That((await store.HealthAsync()).PendingReplies, Is.Zero, "the reply the channel took is still waiting to be sent");
        Assert.That(await sender.SendDueAsync(CancellationToken.None), Is.Zero);
        Assert.That(transport.Sent, Is.EqualTo(1), "the channel got the reply twice");
    }

    /// A channel that takes every reply, and the host's stop arriving just as it does.
    private sealed class StoppingTransport(CancellationTokenSource stopping) : IReplyTransport
    {
        public int Sent { get; private set; }

        public string Channel => "generic";

        public async Task<SendOutcome> SendAsync(OutboxReply reply, CancellationToken cancellationToken)
        {
            Sent++;
            await stopping.CancelAsync();
            return SendOutcome.Sent;
        }
    }
}
