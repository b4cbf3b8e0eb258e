using ChainBot.Storage.Data;
using ChainBot.Storage.Json;
using Npgsql;

namespace ChainBot.Storage.Postgres;

// The inbox: accepting (through the writer, in group commits), what waits per group, a group's history, and
// completing messages together with their replies.
public sealed partial class PostgresChainBotStore
{
    private const string PendingGroupsSql = """
        SELECT group_id FROM inbox WHERE processed_at IS NULL
        GROUP BY group_id ORDER BY min(id) LIMIT @max
        """;

    private const string GroupsSql = "SELECT group_id FROM inbox GROUP BY group_id ORDER BY min(id)";

    private const string PendingSql = """
        SELECT id, channel, received_at, message::text FROM inbox
        WHERE group_id = @groupId AND processed_at IS NULL ORDER BY id LIMIT @max
        """;

    // In the order processed: by completion first, since with several writers a smaller id may commit later.
    private const string ProcessedSql = """
        SELECT id, channel, received_at, message::text FROM inbox
        WHERE group_id = @groupId AND processed_at IS NOT NULL ORDER BY completion, id
        """;

    // One completion number for the lot (a CTE runs once); a message processed twice keeps its first time and number.
    private const string MarkProcessedSql = """
        WITH c AS (SELECT nextval('inbox_completion') AS n)
        UPDATE inbox SET processed_at = @at, completion = c.n FROM c
        WHERE inbox.id = ANY(@ids) AND inbox.processed_at IS NULL
        """;

    // Ids follow the order of the list: the rows are inserted in ordinality order.
    private const string InsertOutboxSql = """
        INSERT INTO outbox (reply_id, channel, group_id, in_reply_to, mentions, text, created_at, next_attempt_at)
        SELECT r.reply_id, r.channel, r.group_id, r.in_reply_to, r.mentions::json, r.text, @at, @at
        FROM unnest(@replyIds, @channels, @groupIds, @inReplyTos, @mentions, @texts) WITH ORDINALITY
            AS r(reply_id, channel, group_id, in_reply_to, mentions, text, ord)
        ORDER BY r.ord
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
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var request = new AcceptRequest(message.Channel, message.Message.MsgId, message.Message.GroupId,
            Utc(message.ReceivedAt), StorageJson.WriteMessage(message.Message), cancellationToken);
        return _writer.Enqueue(request);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> PendingGroupsAsync(int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var command = Command(PendingGroupsSql);
        command.Parameters.AddWithValue("max", max);
        return await StoreReads.GroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = Command(GroupsSql);
        return await StoreReads.GroupsAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<InboxRecord>> PendingAsync(string groupId, int max, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var command = Command(PendingSql);
        command.Parameters.AddWithValue("groupId", groupId);
        command.Parameters.AddWithValue("max", max);
        return await StoreReads.InboxAsync(command, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>In the order the messages were completed, and within one completion in inbox order.</remarks>
    public async Task<IReadOnlyList<InboxRecord>> ProcessedAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        await using var command = Command(ProcessedSql);
        command.Parameters.AddWithValue("groupId", groupId);
        return await StoreReads.InboxAsync(command, ReadTime, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// An id already processed keeps its first processed time; an unknown id is ignored. A reply whose id the outbox
    /// holds already is not queued again, so completing a message a second time queues nothing twice.
    /// </remarks>
    public Task CompleteAsync(IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken = default) =>
        CompleteCoreAsync(lease: null, inboxIds, replies, cancellationToken);

    // With a lease, only while it is still the holder's (its row locked till the commit); false, and nothing written, otherwise.
    private async Task<bool> CompleteCoreAsync(GroupLease? lease, IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inboxIds);
        ArgumentNullException.ThrowIfNull(replies);
        if (inboxIds.Count == 0 && replies.Count == 0 && lease is null)
            return true;
        var rows = replies.Select(r => r ?? throw new ArgumentException("A reply is null.", nameof(replies))).ToArray();
        var at = Utc(_time.GetUtcNow());

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (lease is not null && !await HoldLeaseAsync(connection, transaction, lease, cancellationToken).ConfigureAwait(false))
            return false; // disposing the transaction rolls it back
        if (inboxIds.Count > 0)
        {
            await using var update = new NpgsqlCommand(MarkProcessedSql, connection, transaction);
            update.Parameters.AddWithValue("at", at);
            update.Parameters.AddWithValue("ids", inboxIds.ToArray());
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        if (rows.Length > 0)
        {
            await using var insert = new NpgsqlCommand(InsertOutboxSql, connection, transaction);
            insert.Parameters.AddWithValue("at", at);
            insert.Parameters.AddWithValue("replyIds", rows.Select(r => r.ReplyId).ToArray());
            insert.Parameters.AddWithValue("channels", rows.Select(r => r.Channel).ToArray());
            insert.Parameters.AddWithValue("groupIds", rows.Select(r => r.GroupId).ToArray());
            insert.Parameters.AddWithValue("inReplyTos", rows.Select(r => r.InReplyTo).ToArray());
            insert.Parameters.AddWithValue("mentions", rows.Select(r => StorageJson.WriteMentions(r.Mentions)).ToArray());
            insert.Parameters.AddWithValue("texts", rows.Select(r => r.Text).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }
}
