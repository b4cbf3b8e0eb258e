namespace ChainBot.Storage;

/// <summary>
/// What the bot keeps on disk (design.md, "Data flow"): the inbox, where a message is stored before it is
/// acknowledged; the outbox, where a reply waits until its channel has taken it; and the coordinators a group has
/// named. The pipeline and the senders depend on this and nothing else, so another database (PostgreSQL) is a new
/// implementation, not a change to them.
/// </summary>
/// <remarks>
/// Implementations are thread-safe. A group's messages are processed in the order the inbox accepted them; the
/// group's state is not stored but rebuilt by replaying its processed messages through the merger, which is pure,
/// so whatever was processed before a crash is processed the same way after it.
/// </remarks>
public interface IChainBotStore
{
    /// <summary>
    /// Stores a message durably (on disk when the task completes) unless the inbox holds one with the same channel
    /// and message id already, which is then acknowledged again and not stored twice.
    /// </summary>
    Task<AcceptResult> AcceptAsync(InboxMessage message, CancellationToken cancellationToken = default);

    /// <summary>The groups that have messages waiting, oldest first; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<string>> PendingGroupsAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Every group the inbox holds a message of, in the order their first message came: for exports and the dashboard.</summary>
    Task<IReadOnlyList<string>> GroupsAsync(CancellationToken cancellationToken = default);

    /// <summary>A group's messages waiting to be processed, in the order they were accepted; at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<InboxRecord>> PendingAsync(string groupId, int max, CancellationToken cancellationToken = default);

    /// <summary>A group's processed messages in the order they were processed: its history, to rebuild its state.</summary>
    Task<IReadOnlyList<InboxRecord>> ProcessedAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Marks messages processed and queues their replies, in one transaction: either both happen or neither, so a
    /// crash between them can neither lose a reply nor send one for a message that will be processed again.
    /// </summary>
    Task CompleteAsync(IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many of a group's messages are processed: a number that only grows, so a cached state built from that many
    /// is the group's state as it stands (another instance processed nothing meanwhile) exactly when they are equal.
    /// </summary>
    Task<long> ProcessedCountAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a group's lease for <paramref name="holder"/> until <paramref name="now"/> + <paramref name="length"/>: when
    /// no one holds it, when its holder let it run out before <paramref name="now"/>, or when <paramref name="holder"/>
    /// holds it already (then it is renewed). Null when another holder's lease runs past <paramref name="now"/>.
    /// </summary>
    /// <remarks>
    /// A takeover waits for a completion the old holder has under way (<see cref="CompleteAsync(GroupLease, IReadOnlyList{long}, IReadOnlyList{OutboxReply}, CancellationToken)"/>):
    /// once the lease is taken, every read sees what the old holder committed, and the old holder commits nothing more.
    /// </remarks>
    Task<GroupLease?> TryLeaseGroupAsync(string groupId, string holder, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves the end of a lease its holder still holds to <paramref name="until"/> (even one that ran out, as long as
    /// no one took it meanwhile). False when the lease is no longer the holder's: it must stop working on the group.
    /// </summary>
    Task<bool> RenewLeaseAsync(GroupLease lease, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Gives a lease up, if its holder still holds it: another instance may take the group at once.</summary>
    Task ReleaseLeaseAsync(GroupLease lease, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="CompleteAsync(IReadOnlyList{long}, IReadOnlyList{OutboxReply}, CancellationToken)"/>, but only while
    /// <paramref name="lease"/> is still its holder's, checked in the same transaction: an instance too slow to keep
    /// its lease commits nothing, so no message of the group is merged twice or onto an old state. False, with nothing
    /// written, when the lease was lost.
    /// </summary>
    Task<bool> CompleteAsync(GroupLease lease, IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the replies due at <paramref name="now"/> for <paramref name="claimer"/> until <paramref name="now"/> +
    /// <paramref name="claimFor"/>, oldest first, at most <paramref name="max"/>: the same replies as
    /// <see cref="DueRepliesAsync"/>, less those another claimer's claim still covers. Two claimers never hold the same
    /// reply at once, and a group's replies stay in order: a reply is not claimed while an earlier one of its group is
    /// claimed by someone else. A claim ends when the reply is sent, retried later or parked; a claimer that died
    /// loses its claims when they run out, and the replies are due again.
    /// </summary>
    Task<IReadOnlyList<OutboxRecord>> ClaimDueRepliesAsync(string claimer, DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replies due for sending at <paramref name="now"/>, oldest first; at most <paramref name="max"/>. A reply behind an
    /// earlier one of its group that waits for a retry is not due: a group's replies go out in order.
    /// </summary>
    Task<IReadOnlyList<OutboxRecord>> DueRepliesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a reply delivered: it is never sent again. Its claim, if any, ends.</summary>
    Task MarkSentAsync(long outboxId, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a reply out of the outbox to deliver it another way (an Official Account's passive reply, in the HTTP
    /// answer to the push): marks it sent if it is neither sent nor parked yet. False when it was — the outbox got there
    /// first — so it is delivered once either way.
    /// </summary>
    Task<bool> TryTakeAsync(string replyId, DateTimeOffset takenAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="TryTakeAsync(string, DateTimeOffset, CancellationToken)"/>, for <paramref name="taker"/>, an instance
    /// among several: false too while another instance's claim covers the reply (<see cref="ClaimDueRepliesAsync"/>),
    /// since that instance may be sending it at this moment; it is then delivered by the outbox, once.
    /// </summary>
    Task<bool> TryTakeAsync(string replyId, string taker, DateTimeOffset takenAt, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and when to try again; its claim ends, so any instance may try it then.</summary>
    Task RetryLaterAsync(long outboxId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a reply that cannot be delivered (a wrong key, a user gone): kept with its reason, for readiness and the log.</summary>
    Task ParkAsync(long outboxId, string reason, CancellationToken cancellationToken = default);

    /// <summary>The coordinators (团长) a group has named in the group (<c>设为团长</c>), besides those configured.</summary>
    /// <remarks>In the order they were named, each with the time: a group's history replays with the roles it had then.</remarks>
    Task<IReadOnlyList<NamedCoordinator>> CoordinatorsAsync(string groupId, CancellationToken cancellationToken = default);

    /// <summary>Names a coordinator of a group; naming one twice changes nothing.</summary>
    Task AddCoordinatorAsync(string groupId, string senderId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Whether the database answers, and what waits in it: for <c>/readyz</c>.</summary>
    Task<StoreHealth> HealthAsync(CancellationToken cancellationToken = default);
}
