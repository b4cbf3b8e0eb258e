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
    /// Replies due for sending at <paramref name="now"/>, oldest first; at most <paramref name="max"/>. A reply behind an
    /// earlier one of its group that waits for a retry is not due: a group's replies go out in order.
    /// </summary>
    Task<IReadOnlyList<OutboxRecord>> DueRepliesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a reply delivered: it is never sent again.</summary>
    Task MarkSentAsync(long outboxId, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes a reply out of the outbox to deliver it another way (an Official Account's passive reply, in the HTTP
    /// answer to the push): marks it sent if it is neither sent nor parked yet. False when it was — the outbox got there
    /// first — so it is delivered once either way.
    /// </summary>
    Task<bool> TryTakeAsync(string replyId, DateTimeOffset takenAt, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt and when to try again.</summary>
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
