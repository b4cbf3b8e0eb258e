using System.Collections.Concurrent;
using ChainBot.Core.Commands;
using ChainBot.Core.Merging;
using ChainBot.Server.Exports;
using ChainBot.Server.Instances;
using ChainBot.Server.Telemetry;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Pipeline;

/// <summary>
/// Processes the inbox (design.md, "Pipeline"): each group's messages in the order they were accepted, through the
/// group's merger; the messages marked done and their replies written in one transaction. A group is processed by
/// one task at a time; different groups in parallel, up to <see cref="MaxGroupsAtOnce"/>.
/// </summary>
/// <remarks>
/// <para>After a crash nothing is lost or done twice: a message is either processed (marked, its replies queued, both in
/// one commit) or still pending, and the group's state is rebuilt from the processed ones.</para>
/// <para>Several instances on one database (README, "Running several instances"): a group is processed only under its
/// lease (<see cref="IChainBotStore.TryLeaseGroupAsync"/>), renewed while the work goes on and checked again by each
/// commit, so one instance at a time works on a group and one that lost its lease commits nothing. The lease is kept
/// after the work, so the group's next messages usually come back to the instance whose cache is warm; an idle
/// group's lease runs out (<see cref="InstanceOptions.LeaseLength"/>) and a stopping instance gives its leases up.</para>
/// </remarks>
internal sealed class InboxProcessor(
    IChainBotStore store,
    GroupDirectory groups,
    Appointments appointments,
    PassiveReplies passive,
    ExportLinks links,
    InboxSignal inbox,
    OutboxSignal outbox,
    InstanceIdentity instance,
    IOptions<InstanceOptions> instanceOptions,
    TimeProvider time,
    ChainBotMetrics metrics,
    ILogger<InboxProcessor> logger) : BackgroundService
{
    private const int MaxGroupsAtOnce = 4;
    private const int BatchSize = 256;
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly InstanceOptions _instances = instanceOptions.Value;

    /// <summary>The leases this instance holds, given up when it stops.</summary>
    private readonly ConcurrentDictionary<string, GroupLease> _leases = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.InstanceStarted(logger, instance.Id, _instances.LeaseLength, _instances.ClaimLength);
        try
        {
            await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            await ReleaseLeasesAsync().ConfigureAwait(false);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await store.PendingGroupsAsync(64, stoppingToken).ConfigureAwait(false);
                int worked = 0;
                if (pending.Count > 0)
                {
                    await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = MaxGroupsAtOnce, CancellationToken = stoppingToken },
                        async (group, token) =>
                        {
                            if (await ProcessLeasedAsync(group, token).ConfigureAwait(false))
                                Interlocked.Increment(ref worked);
                        }).ConfigureAwait(false);
                }
                // Nothing waiting, or all of it in groups other instances hold: wait rather than spin.
                if (worked == 0)
                    await inbox.WaitAsync(Idle, stoppingToken).ConfigureAwait(false);
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

    /// <summary>Takes the group's lease and processes the group; false when another instance holds it.</summary>
    internal async Task<bool> ProcessLeasedAsync(string groupId, CancellationToken cancellationToken)
    {
        bool known = _leases.ContainsKey(groupId);
        var lease = await store.TryLeaseGroupAsync(groupId, instance.Id, time.GetUtcNow(), _instances.LeaseLength, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            _leases.TryRemove(groupId, out _);
            return false;
        }
        _leases[groupId] = lease;
        if (!known)
            Log.LeaseTaken(logger, groupId, instance.Id, lease.ExpiresAt);
        await ProcessGroupAsync(lease, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Merges a group's pending messages, then commits them with their replies, while <paramref name="lease"/> holds.</summary>
    internal async Task ProcessGroupAsync(GroupLease lease, CancellationToken cancellationToken)
    {
        string groupId = lease.GroupId;
        var group = await groups.ContextAsync(groupId, cancellationToken).ConfigureAwait(false);
        // Read under the lease: whatever another instance committed before is in it, or it is replayed.
        var (state, processed) = await groups.SnapshotAsync(groupId, cancellationToken).ConfigureAwait(false);
        var renewed = time.GetUtcNow();
        while (true)
        {
            if (time.GetUtcNow() - renewed >= _instances.RenewInterval)
            {
                renewed = time.GetUtcNow();
                if (!await store.RenewLeaseAsync(lease, renewed + _instances.LeaseLength, cancellationToken).ConfigureAwait(false))
                {
                    LeaseLost(lease);
                    return;
                }
            }
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
            bool committed;
            try
            {
                committed = await store.CompleteAsync(lease, done, queued, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                groups.Forget(groupId); // the state ran ahead of the store: rebuild it from what was committed
                throw;
            }
            if (!committed)
            {
                LeaseLost(lease); // too slow: another instance has the group, and processes these messages itself
                return;
            }
            processed += done.Count;
            groups.Commit(groupId, state, processed);
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

    private void LeaseLost(GroupLease lease)
    {
        _leases.TryRemove(lease.GroupId, out _);
        groups.Forget(lease.GroupId); // the state ran ahead of the store
        Log.LeaseLost(logger, lease.GroupId, lease.Holder);
    }

    // A stopping instance hands its groups over at once rather than after the leases run out.
    private async Task ReleaseLeasesAsync()
    {
        foreach (var lease in _leases.Values)
        {
            try
            {
                await store.ReleaseLeaseAsync(lease, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.ReleaseFailed(logger, e, lease.GroupId); // the lease runs out by itself
            }
        }
        _leases.Clear();
    }
}
