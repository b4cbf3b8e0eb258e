using ChainBot.Core.Merging;
using ChainBot.Storage;

namespace ChainBot.Server.Pipeline;

/// <summary>
/// <c>设为团长 @张三</c>: a coordinator (configured, named before, or the opener of one of the group's chains) names
/// another. The name is matched against the display names the group's messages came with, most recent first, so
/// the person must have written in the group; the store keeps them, and the group's next messages run with them.
/// </summary>
internal sealed class Appointments(IChainBotStore store)
{
    /// <summary>Names the coordinator if the sender may; returns whether they were named, and the answer for the group.</summary>
    /// <param name="record">The message with the command.</param>
    /// <param name="name">The name mentioned.</param>
    /// <param name="group">The group's roles.</param>
    /// <param name="state">The group's state, for the chains' openers.</param>
    /// <param name="batch">The messages merged before this one in its batch, latest first: not yet in the store.</param>
    /// <param name="cancellationToken">Stops the lookup.</param>
    public async Task<(bool Appointed, string Answer)> AppointAsync(InboxRecord record, string name, GroupContext group, GroupState state, IReadOnlyList<InboxRecord> batch, CancellationToken cancellationToken)
    {
        string sender = record.Message.SenderId;
        if (!group.Roles.Coordinators.Contains(sender) && !state.Chains.Any(chain => chain.OpenedBy.SenderId == sender))
            return (false, "只有团长可以设团长哦。");
        var history = await store.ProcessedAsync(group.GroupId, cancellationToken).ConfigureAwait(false);
        var member = batch.Concat(history.Reverse())
            .Select(seen => seen.Message)
            .FirstOrDefault(message => message.SenderName == name || message.SenderId == name);
        if (member is null)
            return (false, $"没找到「{name}」：请对方先在群里说一句话，再设为团长。");
        // Named as of the message that names them: the group's history replays with the roles it had at each message.
        await store.AddCoordinatorAsync(group.GroupId, member.SenderId, record.ReceivedAt, cancellationToken).ConfigureAwait(false);
        return (true, $"已设「{name}」为团长。");
    }
}
