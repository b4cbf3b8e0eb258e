using ChainBot.Core.Commands;

namespace ChainBot.Core.Merging;

/// <summary>
/// Something a message did to the group's state, for the bot to answer (已记录, 已修改) and the log to tell.
/// </summary>
/// <param name="MsgId">The message it came from.</param>
public abstract record MergeEvent(string MsgId);

/// <summary>A post with a header and entries that matched no chain opened a new one.</summary>
public sealed record ChainOpened(string MsgId, int Chain) : MergeEvent(MsgId);

/// <summary>A new line: in a copy, a reply, an offline block or a native 接龙.</summary>
public sealed record EntryAdded(string MsgId, int Chain, int EntryId) : MergeEvent(MsgId);

/// <summary>A line changed or was cancelled by someone allowed to (see the entry's status).</summary>
public sealed record EntryChanged(string MsgId, int Chain, int EntryId) : MergeEvent(MsgId);

/// <summary>A change to someone else's line was not made and was recorded as a conflict.</summary>
public sealed record ChangeRefused(string MsgId, int Chain, int EntryId, string Reason) : MergeEvent(MsgId);

/// <summary>Lines of the message that could not be read and were not reported before: the sender is told which and why.</summary>
public sealed record LinesUnread(string MsgId, int Chain, System.Collections.Immutable.ImmutableArray<ChainBot.Core.Chains.UnreadLine> Lines) : MergeEvent(MsgId);

/// <summary>A coordinator closed the chain (<c>截止</c>).</summary>
public sealed record ChainClosed(string MsgId, int Chain) : MergeEvent(MsgId);

/// <summary>A coordinator accepted late lines (<c>接受</c>); <paramref name="Count"/> of them now count.</summary>
public sealed record LateAccepted(string MsgId, int Chain, int Count) : MergeEvent(MsgId);

/// <summary>A coordinator marked the chain's goods arrived (<c>到货</c>); households may collect them.</summary>
public sealed record Delivered(string MsgId, int Chain) : MergeEvent(MsgId);

/// <summary>
/// Households registered as having collected their goods (<c>已领</c>, <c>12-301 已取</c>, <c>12号楼全部已领</c>):
/// <paramref name="Households"/> are new; <paramref name="Already"/> were registered before and keep their first
/// registration. Both empty when the message named no household of the chain.
/// </summary>
public sealed record PickedUp(
    string MsgId,
    int Chain,
    System.Collections.Immutable.ImmutableArray<ChainBot.Core.Chains.HouseholdId> Households,
    System.Collections.Immutable.ImmutableArray<ChainBot.Core.Chains.HouseholdId> Already) : MergeEvent(MsgId)
{
    /// <summary>How many households were newly registered.</summary>
    public int Count => Households.Length;
}

/// <summary>A command to the bot, for the bot to answer; <paramref name="Chain"/> is the chain it is about, if any.</summary>
public sealed record CommandReceived(string MsgId, BotCommand Command, int? Chain) : MergeEvent(MsgId);

/// <summary>The message changed nothing: chatter, or a message already merged (<paramref name="Why"/>).</summary>
public sealed record MessageIgnored(string MsgId, string Why) : MergeEvent(MsgId);

/// <summary>The message could not be placed and was reported for the coordinator (<see cref="ReportReasons"/>).</summary>
public sealed record MessageReported(string MsgId, string Reason) : MergeEvent(MsgId);

/// <summary>What <see cref="ChainMerger.Apply"/> returns: the group's new state, and what the message did.</summary>
/// <param name="State">The state after the message.</param>
/// <param name="Events">What changed, in order; a re-delivered message gives one <see cref="MessageIgnored"/>.</param>
public sealed record MergeResult(GroupState State, System.Collections.Immutable.ImmutableArray<MergeEvent> Events);
