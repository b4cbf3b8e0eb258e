using ChainBot.Server.Instances;
using ChainBot.Server.Options;
using ChainBot.Server.Pipeline;
using ChainBot.Server.Telemetry;
using ChainBot.Storage;
using Microsoft.Extensions.Options;
using Polly;

namespace ChainBot.Server.Outbox;

/// <summary>
/// Delivers the outbox (design.md, "Replies"): due replies in order, each through its channel's transport wrapped
/// in a resilience pipeline (a few quick retries with jittered backoff, a circuit breaker per channel). A reply that
/// still fails waits in the outbox with a growing delay — Polly covers blips of seconds, the outbox row covers hours —
/// and one that can never be delivered is parked with its reason. A reply is marked sent as soon as its channel took
/// it; a stop lets the reply under way finish and be marked. The one window left (sent, then a crash before the mark)
/// is closed by the receiver, which ignores a reply id it has posted. With several instances, each claims the replies
/// it sends (<see cref="IChainBotStore.ClaimDueRepliesAsync"/>), so no two send the same reply; those an instance
/// claimed when it died wait until the claim runs out (<see cref="InstanceOptions.ClaimLength"/>). The rounds' pacing comes from
/// <see cref="OutboxOptions"/> (<c>ChainBot:Outbox</c>).
/// </summary>
internal sealed class OutboxSender(
    IChainBotStore store,
    IEnumerable<IReplyTransport> transports,
    ReplyResilience resilience,
    PassiveReplies passive,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    InstanceIdentity instance,
    IOptions<InstanceOptions> instances,
    TimeProvider time,
    ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>A reply is parked after this many failed rounds (each of several attempts).</summary>
    public const int MaxRounds = 12;

    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly OutboxOptions _options = options.Value;

    private readonly Dictionary<string, IReplyTransport> _transports = transports.ToDictionary(t => t.Channel, StringComparer.Ordinal);

    /// <summary>
    /// Groups whose oldest undelivered reply failed a round, with that reply and when its next round is due: the
    /// group's later replies wait until then. In memory, used by the one sending loop only; after a restart a later
    /// reply may go out before an earlier one that is still waiting.
    /// </summary>

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int tried = await SendDueAsync(stoppingToken).ConfigureAwait(false);
                if (tried == 0)
                    await signal.WaitAsync(Idle, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.SendingFailed(logger, e);
                await Task.Delay(Idle, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends the replies due now, each group's in order; returns how many it tried to send.</summary>
    /// <param name="cancellationToken">The host stopping: no further reply is started, and the one under way is given one attempt's timeout to finish.</param>
    internal async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Claimed, not just read: with several instances on one database, no other sends these while this one does.
        var due = await store.ClaimDueRepliesAsync(instance.Id, now, 64, instances.Value.ClaimLength, cancellationToken).ConfigureAwait(false);
        // A group's replies go out in order: once one of them fails, the rest of that group wait for it — for the
        // rest of this round here, and until its next round in the store, which holds them back (DueRepliesAsync).
        var stalled = new HashSet<string>(StringComparer.Ordinal);
        int tried = 0;
        foreach (var record in due)
        {
            if (cancellationToken.IsCancellationRequested)
                break; // stopping: no new reply; the rest wait in the outbox for the next start
            if (stalled.Contains(record.Reply.GroupId))
                continue;
            if (passive.IsHeld(record.Reply))
            {
                stalled.Add(record.Reply.GroupId); // its endpoint may answer it in the push's own HTTP answer
                continue;
            }
            tried++;
            SendOutcome outcome;
            using (var span = ChainBotActivities.SendReply(record.Reply.ReplyId, record.Reply.Channel))
            {
                outcome = await SendFinishingAsync(record.Reply, cancellationToken).ConfigureAwait(false);
                span?.SetTag("chainbot.outcome", outcome.Kind.ToString());
            }
            switch (outcome.Kind)
            {
                case SendOutcomeKind.Sent:
                    // Recorded even when the host is stopping: the channel has the reply, and a mark given up on
                    // would send it again after the restart.
                    await store.MarkSentAsync(record.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                    break;
                case SendOutcomeKind.Permanent:
                case SendOutcomeKind.Transient when record.Attempts + 1 >= MaxRounds:
                    stalled.Add(record.Reply.GroupId);
                    await store.ParkAsync(record.Id, outcome.Reason ?? "failed", cancellationToken).ConfigureAwait(false);
                    Log.ReplyParked(logger, record.Reply.ReplyId, record.Reply.Channel, outcome.Reason ?? "failed");
                    break;
                default:
                    stalled.Add(record.Reply.GroupId);
                    var at = time.GetUtcNow() + Delay(record.Attempts + 1, outcome.RetryAfter);
                    await store.RetryLaterAsync(record.Id, at, outcome.Reason ?? "failed", cancellationToken).ConfigureAwait(false);
                    Log.ReplyRetry(logger, record.Reply.ReplyId, record.Reply.Channel, record.Attempts + 1, outcome.Reason ?? "failed", at);
                    break;
            }
        }
        return tried;
    }

    /// <summary>
    /// Sends one reply. A stop that comes meanwhile gives it up to one attempt's timeout to finish rather than cut it
    /// off: a request cut off after the channel took the reply would leave it unmarked, to be sent again on restart.
    /// </summary>
    private async Task<SendOutcome> SendFinishingAsync(OutboxReply reply, CancellationToken stoppingToken)
    {
        using var finishing = new CancellationTokenSource();
        using var stop = stoppingToken.Register(() => finishing.CancelAfter(_options.AttemptTimeout));
        return await SendAsync(reply, finishing.Token).ConfigureAwait(false);
    }

    private async Task<SendOutcome> SendAsync(OutboxReply reply, CancellationToken cancellationToken)
    {
        string channel = reply.Channel.Split(':', 2)[0];
        if (!_transports.TryGetValue(channel, out var transport))
            return SendOutcome.Permanent($"no transport for channel '{channel}'");
        var pipeline = resilience.For(reply.Channel);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (state, token) => await state.transport.SendAsync(state.reply, token).ConfigureAwait(false),
                (transport, reply), cancellationToken).ConfigureAwait(false);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException)
        {
            return SendOutcome.Transient("circuit open: the endpoint failed repeatedly");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return SendOutcome.Transient("timed out");
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Transient(e.HttpRequestError.ToString());
        }
    }

    /// <summary>
    /// The wait before the next round: doubling from <see cref="OutboxOptions.FirstRoundDelay"/> (5 s) up to
    /// <see cref="OutboxOptions.MaxRoundDelay"/> (half an hour), or what the endpoint asked.
    /// </summary>
    private TimeSpan Delay(int round, TimeSpan? retryAfter)
    {
        var backoff = _options.FirstRoundDelay * Math.Pow(2, Math.Min(round - 1, 10));
        if (retryAfter is { } asked && asked > backoff)
            backoff = asked;
        return backoff < _options.MaxRoundDelay ? backoff : _options.MaxRoundDelay;
    }
}
