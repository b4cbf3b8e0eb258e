using System.Collections.Concurrent;
using ChainBot.Core.Merging;
using ChainBot.Core.Parsing;
using ChainBot.Server.Options;
using ChainBot.Storage;
using Microsoft.Extensions.Options;

namespace ChainBot.Server.Pipeline;

/// <summary>
/// What the pipeline knows of each group: its merger (with the group's coordinators and volunteers, from
/// configuration and from <c>设为团长</c> in the group) and its state, rebuilt on first use by replaying the group's
/// processed messages, then kept in memory, and rebuilt again when another instance processed messages of the group
/// meanwhile. Per instance; the store is the truth.
/// </summary>
/// <remarks>Thread-safe. A group is processed by one task at a time (<see cref="InboxProcessor"/>), which alone sets its state.</remarks>
internal sealed class GroupDirectory(
    IChainBotStore store,
    ChainParser parser,
    IOptionsMonitor<Dictionary<string, GroupOptions>> groups,
    ConfiguredCompound compound,
    ILogger<GroupDirectory> logger)
{
    private readonly ConcurrentDictionary<string, GroupSnapshot> _states = new(StringComparer.Ordinal);

    /// <summary>The group's settings; defaults for a group configuration does not name.</summary>
    public GroupOptions Options(string groupId) =>
        groups.CurrentValue.TryGetValue(groupId, out var options) ? options : new GroupOptions();

    /// <summary>A group's settings, roles as they stand now (configured, and named in the group), and its merger.</summary>
    public async Task<GroupContext> ContextAsync(string groupId, CancellationToken cancellationToken)
    {
        var options = Options(groupId);
        var named = await store.CoordinatorsAsync(groupId, cancellationToken).ConfigureAwait(false);
        return Context(groupId, options, named.Select(coordinator => coordinator.SenderId));
    }

    private GroupContext Context(string groupId, GroupOptions options, IEnumerable<string> named)
    {
        var roles = GroupRoles.Of([.. options.Coordinators, .. named], options.Volunteers);
        if (compound.Value is { } configured)
            roles = roles.With(configured.Roles);
        return new GroupContext(groupId, options, roles, new ChainMerger(parser, roles), compound.Value);
    }

    /// <summary>
    /// The group's state: from memory while no other instance processed messages of the group since, else its processed
    /// history replayed (<see cref="GroupHistory"/>), each message with the roles the group had when it came (a
    /// coordinator named with <c>设为团长</c> runs the chains from the next message on), so a restart, or another
    /// instance, gives the state the messages made when they were processed.
    /// </summary>
    /// <remarks>Keeps the state it replays, unless one built from more messages was committed meanwhile.</remarks>
    public async Task<GroupState> StateAsync(string groupId, CancellationToken cancellationToken) =>
        (await SnapshotAsync(groupId, cancellationToken).ConfigureAwait(false)).State;

    /// <summary>
    /// The group's state as it stands now, for a reader beside the pipeline (a download): as <see cref="StateAsync"/>,
    /// which never overwrites a state built from more messages.
    /// </summary>
    public Task<GroupState> CurrentStateAsync(string groupId, CancellationToken cancellationToken) => StateAsync(groupId, cancellationToken);

    /// <summary>
    /// The group's state and how many processed messages made it. Memory is trusted only while the store counts as many
    /// processed messages (<see cref="IChainBotStore.ProcessedCountAsync"/>): several instances share the store, and a
    /// cached state must never take new messages on top of an old one.
    /// </summary>
    public async Task<GroupSnapshot> SnapshotAsync(string groupId, CancellationToken cancellationToken)
    {
        long processed = await store.ProcessedCountAsync(groupId, cancellationToken).ConfigureAwait(false);
        if (_states.TryGetValue(groupId, out var cached) && cached.Processed == processed)
            return cached;
        var replayed = await ReplayAsync(groupId, cancellationToken).ConfigureAwait(false);
        // Kept only if no state built from more messages came meanwhile: the dashboard reads groups while the
        // processor commits them, and a replay that started earlier must not overwrite what the processor committed.
        return _states.AddOrUpdate(groupId, replayed, (_, current) => current.Processed > replayed.Processed ? current : replayed);
    }

    private async Task<GroupSnapshot> ReplayAsync(string groupId, CancellationToken cancellationToken)
    {
        var options = Options(groupId);
        var named = await store.CoordinatorsAsync(groupId, cancellationToken).ConfigureAwait(false);
        var history = await store.ProcessedAsync(groupId, cancellationToken).ConfigureAwait(false);
        var roles = new RoleTimeline(options.Coordinators, options.Volunteers, named.Select(static c => new Appointment(c.SenderId, c.At)));
        var replay = GroupHistory.Replay(history.Select(static r => new ProcessedMessage(r.Message, r.ReceivedAt)), roles, parser);
        // Skipped when they were processed (InboxProcessor), skipped again: the group's history stays replayable.
        foreach (var skipped in replay.Skipped)
            Log.MergeFailed(logger, skipped.Error, groupId, skipped.MsgId);
        return new GroupSnapshot(replay.State, history.Count);
    }

    /// <summary>Keeps a group's state once the messages that made it (<paramref name="processed"/> in all) are committed.</summary>
    public void Commit(string groupId, GroupState state, long processed) => _states[groupId] = new GroupSnapshot(state, processed);

    /// <summary>Forgets a group's state, to be replayed from the store on next use (after a failed commit).</summary>
    public void Forget(string groupId) => _states.TryRemove(groupId, out _);
}

/// <summary>A group's state and how many processed messages made it: what <see cref="GroupDirectory"/> caches.</summary>
internal sealed record GroupSnapshot(GroupState State, long Processed);

/// <summary>What processing a group's messages needs: its settings, its roles, a merger with them, and the compound's zones (or null).</summary>
internal sealed record GroupContext(string GroupId, GroupOptions Options, GroupRoles Roles, ChainMerger Merger, Core.Compounds.Compound? Compound = null);
