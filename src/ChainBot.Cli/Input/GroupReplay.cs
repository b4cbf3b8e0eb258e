using ChainBot.Core.Merging;
using ChainBot.Core.Messages;

namespace ChainBot.Cli.Input;

/// <summary>
/// Merges a transcript's messages group by group. Chains never span groups: the bot keeps one state per group (群),
/// so a transcript exported from several groups is replayed as several, each in its messages' file order.
/// </summary>
internal static class GroupReplay
{
    /// <summary>
    /// One <see cref="ReplayedGroup"/> per group id, in the order the groups first appear. With
    /// <paramref name="until"/>, only messages sent at or before it are merged: the state as the bot saw it then.
    /// A group whose messages all come later is still listed, empty, so the groups do not depend on the time.
    /// </summary>
    public static IReadOnlyList<ReplayedGroup> Run(IEnumerable<IncomingMessage> messages, ChainMerger merger, DateTimeOffset? until = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(merger);
        var order = new List<string>();
        var states = new Dictionary<string, GroupState>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (!states.TryGetValue(message.GroupId, out var state))
            {
                order.Add(message.GroupId);
                state = GroupState.Empty;
            }
            // Arrival order, not time order: a message stamped earlier than the one before it is merged where it
            // arrived, as the bot would have merged it.
            states[message.GroupId] = until is { } at && message.Time > at ? state : merger.Apply(state, message).State;
        }
        return order.ConvertAll(id => new ReplayedGroup(id.Length == 0 ? null : id, states[id]));
    }
}
