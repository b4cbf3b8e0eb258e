using ChainBot.Storage.Data;
using ChainBot.Storage.Json;
using Microsoft.Data.Sqlite;

namespace ChainBot.Storage.Sqlite;

// The inbox: accepting (through the writer, in group commits), what waits per group, a group's history, and
// completing messages together with their replies.
public sealed partial class SqliteChainBotStore
{
    // No row comes back on a conflict: the message is a duplicate, and its first row's id is read next, in the same
    // transaction, so a copy that arrived earlier in the same batch is found too.
    private const string InsertInboxSql = """
        INSERT INTO inbox (channel, msg_id, group_id, received_at, message) VALUES ($channel, $msgId, $groupId, $receivedAt, $message)
        ON CONFLICT (channel, msg_id) DO NOTHING
        RETURNING id
        """;

    private const string InboxIdSql = "SELECT id FROM inbox WHERE channel = $channel AND msg_id = $msgId";

    private const string PendingGroupsSql = """
        SELECT group_id FROM inbox WHERE processed_at IS NULL
        GROUP BY group_id ORDER BY min(id) LIMIT $max
        """;

    internal const string GroupsSql = "SELECT group_id FROM inbox GROUP BY group_id ORDER BY min(id)";

    private const string PendingSql = """
        SELECT id, channel, received_at, message FROM inbox
        WHERE group_id = $groupId AND processed_at IS NULL ORDER BY id LIMIT $max
        """;

    internal const string ProcessedSql = """
        SELECT id, channel, received_at, message FROM inbox
        WHERE group_id = $groupId AND processed_at IS NOT NULL ORDER BY id
        """;

    // A message processed twice keeps its first time.
    private const string MarkProcessedSql = "UPDATE inbox SET processed_at = $at WHERE id = $id AND processed_at IS NULL";

    private const string InsertOutboxSql = """
        INSERT INTO outbox (reply_id, channel, group_id, in_reply_to, mentions, text, created_at, next_attempt_at)
        VALUES ($replyId, $channel, $groupId, $inReplyTo, $mentions, $text, $at, $at)
        ON CONFLICT (reply_id) DO NOTHING
        """;

    /// <inheritdoc/>
    /// <remarks>
    /// The message is serialized on the caller's thread, then written with whatever else is queued; the task
    /// completes after that commit. If <paramref name="cancellationToken"/> fires while the write waits, the task is
    /// cancelled and the message may or may not have been stored: a channel that does not acknowledge it delivers it
    /// again, and it is then a duplicate or new, never half-written.
    /// </remarks>
    /// <exception cref="ArgumentException">The channel or the message id is empty.</exception>
    public Task<AcceptResult> AcceptAsync(InboxMessage message, CancellationToken cancellationToken = default)
    {
        StoreArguments.ThrowIfUnkeyed(message);
        string channel = message.Channel;
        string msgId = message.Message.MsgId;
        string groupId = message.Message.GroupId;
        string receivedAt = SqliteTime.Write(message.ReceivedAt);
        string json = StorageJson.WriteMessage(message.Message);
        return Write(session => Accept(session, channel, msgId, groupId, receivedAt, json), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> PendingGroupsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, PendingGroupsSql);
        command.Parameters.AddWithValue("$max", max);
        return await StoreReads.GroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, GroupsSql);
        return await StoreReads.GroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }


    /// <inheritdoc/>
    public async Task<IReadOnlyList<InboxRecord>> PendingAsync(string groupId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, PendingSql);
        command.Parameters.AddWithValue("$groupId", groupId);
        command.Parameters.AddWithValue("$max", max);
        return await StoreReads.InboxAsync(command, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>In inbox order, which is the order a group's messages are processed in.</remarks>
    public async Task<IReadOnlyList<InboxRecord>> ProcessedAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, ProcessedSql);
        command.Parameters.AddWithValue("$groupId", groupId);
        return await StoreReads.InboxAsync(command, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// An id already processed keeps its first processed time; an unknown id is ignored. A reply whose id the outbox
    /// holds already is not queued again, so completing a message a second time queues nothing twice.
    /// </remarks>
    public Task CompleteAsync(IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken = default) =>
        CompleteCoreAsync(lease: null, inboxIds, replies, cancellationToken);

    // With a lease, only while it is still the holder's, checked in the writer, in the order of the writes.
    private Task<bool> CompleteCoreAsync(GroupLease? lease, IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxIds);
        ArgumentNullException.ThrowIfNull(replies);
        if (inboxIds.Count == 0 && replies.Count == 0)
            return Task.FromResult(lease is null || _coordination.Holds(lease));
        // Copied and serialized here: the caller may reuse its lists once the call returns.
        long[] ids = [.. inboxIds];
        var rows = replies.Select(r => (Reply: r ?? throw new ArgumentException("A reply is null.", nameof(replies)), Mentions: StorageJson.WriteMentions(r.Mentions))).ToArray();
        string at = SqliteTime.Write(_time.GetUtcNow());
        return Write(session => (lease is null || _coordination.Holds(lease)) && Complete(session, ids, rows, at), cancellationToken);
    }

    private static AcceptResult Accept(WriteSession session, string channel, string msgId, string groupId, string receivedAt, string json)
    {
        var insert = session.Command(InsertInboxSql);
        insert.Parameters.AddWithValue("$channel", channel);
        insert.Parameters.AddWithValue("$msgId", msgId);
        insert.Parameters.AddWithValue("$groupId", groupId);
        insert.Parameters.AddWithValue("$receivedAt", receivedAt);
        insert.Parameters.AddWithValue("$message", json);
        if (insert.ExecuteScalar() is long id)
            return new AcceptResult(id, Duplicate: false);

        var select = session.Command(InboxIdSql);
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$msgId", msgId);
        return new AcceptResult((long)select.ExecuteScalar()!, Duplicate: true);
    }

    private static bool Complete(WriteSession session, long[] ids, (OutboxReply Reply, string Mentions)[] replies, string at)
    {
        foreach (long id in ids)
        {
            var update = session.Command(MarkProcessedSql);
            update.Parameters.AddWithValue("$at", at);
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }
        foreach (var (reply, mentions) in replies)
        {
            var insert = session.Command(InsertOutboxSql);
            insert.Parameters.AddWithValue("$replyId", reply.ReplyId);
            insert.Parameters.AddWithValue("$channel", reply.Channel);
            insert.Parameters.AddWithValue("$groupId", reply.GroupId);
            insert.Parameters.AddWithValue("$inReplyTo", (object?)reply.InReplyTo ?? DBNull.Value);
            insert.Parameters.AddWithValue("$mentions", mentions);
            insert.Parameters.AddWithValue("$text", reply.Text);
            insert.Parameters.AddWithValue("$at", at);
            insert.ExecuteNonQuery();
        }
        return true;
    }
}
