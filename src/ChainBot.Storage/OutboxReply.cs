using System.Collections.Immutable;

namespace ChainBot.Storage;

/// <summary>A reply for the group, to be delivered by its channel.</summary>
/// <param name="ReplyId">A stable id (the message it answers and the part's number): a channel or bridge ignores a reply id it has posted.</param>
/// <param name="Channel">The channel and route to send it through (<c>generic</c>, <c>wecom:app1</c>).</param>
/// <param name="GroupId">The group.</param>
/// <param name="InReplyTo">The message it answers; null for a reply of the bot's own.</param>
/// <param name="Mentions">Sender ids to @-mention.</param>
/// <param name="Text">The text, already fitted to the channel's size limit.</param>
public sealed record OutboxReply(string ReplyId, string Channel, string GroupId, string? InReplyTo, ImmutableArray<string> Mentions, string Text);

/// <summary>A reply waiting in the outbox.</summary>
/// <param name="Id">Its place in the outbox: replies to a group go out in this order.</param>
/// <param name="Reply">The reply.</param>
/// <param name="Attempts">How many times sending it failed.</param>
/// <param name="LastError">Why the last attempt failed; null before any.</param>
public sealed record OutboxRecord(long Id, OutboxReply Reply, int Attempts, string? LastError);

/// <summary>The store's state for readiness.</summary>
/// <param name="Reachable">True when the database answered.</param>
/// <param name="PendingMessages">Messages accepted and not yet processed.</param>
/// <param name="PendingReplies">Replies not yet delivered (parked ones excluded).</param>
/// <param name="ParkedReplies">Replies given up on.</param>
/// <param name="Error">Why the database did not answer; null when it did.</param>
public sealed record StoreHealth(bool Reachable, long PendingMessages, long PendingReplies, long ParkedReplies, string? Error = null)
{
    /// <summary>When the oldest message not yet processed was accepted; null when none waits (or the database did not answer).</summary>
    public DateTimeOffset? OldestPendingMessageAt { get; init; }

    /// <summary>When the oldest reply not yet delivered (parked ones excluded) was queued; null when none waits.</summary>
    public DateTimeOffset? OldestPendingReplyAt { get; init; }
}
