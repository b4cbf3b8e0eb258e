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
/// processed messages, then kept in memory. Per instance; the store is the truth.
/// </summary>
/// <remarks>Thread-safe. A group is processed by one task at a time (<see cref="InboxProcessor"/>), which alone sets its state.</remarks>
internal sealed class GroupDirectory(
    IChainBotStore store,
    ChainParser parser,
    IOptionsMonitor<Dictionary<string, GroupOptions>> groups,
    ConfiguredCompound compound,
    ILogger<GroupDirectory> logger)
{
    private readonly ConcurrentDictionary<string, GroupState> _states = new(StringComparer.Ordinal);

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
        return new GroupContext(groupId, options, roles, new ChainMerger(parser, roles), compound.Value);
    }

    /// <summary>
    /// The group's state: from memory, or its processed history replayed, each message with the roles the group had
    /// when it came (a coordinator named with <c>设为团长</c> runs the chains from the next message on), so a restart
    /// gives the state the messages made when they were processed.
    /// </summary>
    public async Task<GroupState> StateAsync(string groupId, CancellationToken cancellationToken)
    {
        if (_states.TryGetValue(groupId, out var state))
            return state;
        var options = Options(groupId);
        var named = await store.CoordinatorsAsync(groupId, cancellationToken).ConfigureAwait(false);
        var history = await store.ProcessedAsync(groupId, cancellationToken).ConfigureAwait(false);
        int inForce = 0;
        var merger = Context(groupId, options, []).Merger;
        state = GroupState.Empty;
        foreach (var record in history)
        {
            if (inForce < named.Count && named[inForce].At < record.ReceivedAt)
            {
                while (inForce < named.Count && named[inForce].At < record.ReceivedAt)
                    inForce++;
                merger = Context(groupId, options, named.Take(inForce).Select(coordinator => coordinator.SenderId)).Merger;
            }
            try
            {
                state = merger.Apply(state, record.Message).State;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Skipped when it was processed (InboxProcessor), skipped again: the group's history stays replayable.
                Log.MergeFailed(logger, e, groupId, record.Message.MsgId);
            }
        }
        // Kept only if no newer state came meanwhile: the dashboard reads groups while the processor commits them,
        // and a replay that started earlier must not overwrite what the processor committed since.
        return _states.GetOrAdd(groupId, state);
    }

    /// <summary>Keeps a group's state once the messages that made it are committed.</summary>
    public void Commit(string groupId, GroupState state) => _states[groupId] = state;

    /// <summary>Forgets a group's state, to be replayed from the store on next use (after a failed commit).</summary>
    public void Forget(string groupId) => _states.TryRemove(groupId, out _);
}

/// <summary>What processing a group's messages needs: its settings, its roles, a merger with them, and the compound's zones (or null).</summary>
internal sealed record GroupContext(string GroupId, GroupOptions Options, GroupRoles Roles, ChainMerger Merger, Core.Compounds.Compound? Compound = null);
