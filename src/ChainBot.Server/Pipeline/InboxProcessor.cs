using ChainBot.Core.Commands;
using ChainBot.Core.Merging;
using ChainBot.Server.Exports;
using ChainBot.Server.Telemetry;
using ChainBot.Storage;

namespace ChainBot.Server.Pipeline;

/// <summary>
/// Processes the inbox (design.md, "Pipeline"): each group's messages in the order they were accepted, through the
/// group's merger; the messages marked done and their replies written in one transaction. A group is processed by
/// one task at a time; different groups in parallel, up to <see cref="MaxGroupsAtOnce"/>.
/// </summary>
/// <remarks>
/// After a crash nothing is lost or done twice: a message is either processed (marked, its replies queued, both in
/// one commit) or still pending, and the group's state is rebuilt from the processed ones.
/// </remarks>
internal sealed class InboxProcessor(
    IChainBotStore store,
    GroupDirectory groups,
    Appointments appointments,
    PassiveReplies passive,
    ExportLinks links,
    InboxSignal inbox,
    OutboxSignal outbox,
    ChainBotMetrics metrics,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private const int MaxGroupsAtOnce = 4;
    private const int BatchSize = 256;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await store.PendingGroupsAsync(64, stoppingToken).ConfigureAwait(false);
                if (pending.Count == 0)
                {
                    await inbox.WaitAsync(Idle, stoppingToken).ConfigureAwait(false);
                    continue;
                }
                await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = MaxGroupsAtOnce, CancellationToken = stoppingToken },
                    async (group, token) => await ProcessGroupAsync(group, token).ConfigureAwait(false)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup: the messages stay pending; look again after a pause rather than spin.
                Log.ProcessingFailed(logger, e);
                await Task.Delay(Idle, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Merges a group's pending messages, then commits them with their replies.</summary>
    internal async Task ProcessGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var group = await groups.ContextAsync(groupId, cancellationToken).ConfigureAwait(false);
        var state = await groups.StateAsync(groupId, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var batch = await store.PendingAsync(groupId, BatchSize, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
                return;
            using var span = ChainBotActivities.ProcessGroup(groupId);
            int failed = 0, unread = 0;
            var done = new List<long>(batch.Count);
            var queued = new List<OutboxReply>();
            var held = new List<(InboxRecord Record, int From)>();
            foreach (var record in batch)
            {
                done.Add(record.Id);
                MergeResult result;
                try
                {
                    result = group.Merger.Apply(state, record.Message);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The merger never throws on user text; should a bug make it, one message must not stop its
                    // group for good. It stays in the inbox for a later fix to replay.
                    Log.MergeFailed(logger, e, groupId, record.Message.MsgId);
                    failed++;
                    continue;
                }
                state = result.State;
                foreach (var lines in result.Events.OfType<LinesUnread>())
                    unread += lines.Lines.Length;
                if (passive.Any)
                    held.Add((record, queued.Count));
                queued.AddRange(ReplyPlanner.Plan(record, result, group, links));
                if (result.Events.OfType<CommandReceived>().FirstOrDefault(c => c.Command.Kind == BotCommandKind.Appoint) is { Command.Argument: { } name })
                {
                    var (appointed, answer) = await appointments.AppointAsync(record, name, group, state, batch.TakeWhile(r => r.Id < record.Id).Reverse().ToList(), cancellationToken).ConfigureAwait(false);
                    queued.Add(ReplyPlanner.Answer(record, answer));
                    if (appointed)
                        group = await groups.ContextAsync(groupId, cancellationToken).ConfigureAwait(false); // the next messages run with the new coordinator
                }
            }
            try
            {
                await store.CompleteAsync(done, queued, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                groups.Forget(groupId); // the state ran ahead of the store: rebuild it from what was committed
                throw;
            }
            groups.Commit(groupId, state);
            for (int i = 0; i < held.Count; i++)
            {
                int end = i + 1 < held.Count ? held[i + 1].From : queued.Count;
                passive.Processed(held[i].Record, queued[held[i].From..end]);
            }
            Log.Processed(logger, groupId, done.Count, queued.Count);
            metrics.Processed(done.Count - failed, failed);
            metrics.UnreadLines(unread);
            span?.SetTag("chainbot.messages", done.Count).SetTag("chainbot.replies", queued.Count);
            if (queued.Count > 0)
                outbox.Set();
        }
    }
}
