using System.Collections.Immutable;

namespace ChainBot.Core.Merging;

/// <summary>
/// Everything the merger knows of one group (群): every chain it holds, the messages it ignored, and the messages it
/// could not place, for the coordinator. The group's history replayed gives the same state, message for message.
/// </summary>
/// <remarks>Immutable, and so safe to share between threads; <see cref="ChainMerger.Apply"/> returns a new one.</remarks>
public sealed record GroupState
{
    /// <summary>A group the merger has seen nothing of.</summary>
    public static GroupState Empty { get; } = new();

    /// <summary>The chains, in the order they were opened.</summary>
    public ImmutableList<ChainState> Chains { get; init; } = [];

    /// <summary>Messages that were neither chains nor replies to one: chatter and commands to the bot.</summary>
    public ImmutableList<IgnoredMessage> Ignored { get; init; } = [];

    /// <summary>Messages the merger could not place (which chain? whose line?), reported rather than guessed.</summary>
    public ImmutableList<MessageReport> Reports { get; init; } = [];

    /// <summary>How many distinct messages the group has seen; a message's position is its ordinal.</summary>
    public int MessageCount { get; init; }

    /// <summary>The ids of the messages seen, so a message delivered again changes nothing.</summary>
    internal ImmutableHashSet<string> Seen { get; init; } = ImmutableHashSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>True when the message with <paramref name="msgId"/> was merged already.</summary>
    public bool HasSeen(string msgId) => Seen.Contains(msgId);

    /// <summary>The chain with the given number.</summary>
    public ChainState Chain(int number) => Chains[number - 1];
}

/// <summary>A message that changed no chain.</summary>
/// <param name="MsgId">The message.</param>
/// <param name="Kind"><c>chatter</c> or <c>command</c>.</param>
public sealed record IgnoredMessage(string MsgId, string Kind);

/// <summary>A message the merger could not place, and why; for the coordinator to settle.</summary>
/// <param name="MsgId">The message.</param>
/// <param name="SenderId">Who sent it.</param>
/// <param name="Reason">Why; one of <see cref="ReportReasons"/>.</param>
/// <param name="Text">The message's text, phone numbers masked.</param>
public sealed record MessageReport(string MsgId, string SenderId, string Reason, string Text)
{
    /// <summary>
    /// When the message was sent, so a reply can count the reports of the chains it is about rather than every report
    /// the group ever had; null for a report made without one.
    /// </summary>
    public DateTimeOffset? Time { get; init; }
}

/// <summary>Why a message was reported: stable strings replies and tests rely on.</summary>
public static class ReportReasons
{
    /// <summary>A reply that fits more than one open chain.</summary>
    public const string AmbiguousChain = "fits more than one open chain";

    /// <summary>A reply with no household (改成2份) from a sender with no line, or more than one, in the chain.</summary>
    public const string WhoseLine = "names no household, and the sender has no single line to change";

    /// <summary>Numbered lines with no header that match no chain, while several are open.</summary>
    public const string NoChain = "numbered lines without a header, and several chains open";
}
