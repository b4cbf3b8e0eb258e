using ChainBot.Storage.Data;

namespace ChainBot.Storage.Sqlite;

// The outbox: what is due, and a reply's three ends (sent, to retry, parked). A reply that is sent or parked is
// final: later calls about it change nothing, so a sender that reports twice does no harm.
public sealed partial class SqliteChainBotStore
{
    private const string DueSql = """
        SELECT id, reply_id, channel, group_id, in_reply_to, mentions, text, attempts, last_error FROM outbox AS o
        WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at <= $now
          AND NOT EXISTS (
            -- An earlier reply of the group, waiting for its retry: this one waits behind it, even across restarts.
            SELECT 1 FROM outbox AS e
            WHERE e.group_id = o.group_id AND e.id < o.id AND e.sent_at IS NULL AND e.parked_at IS NULL AND e.next_attempt_at > $now)
        ORDER BY id LIMIT $max
        """;

    private const string MarkSentSql = "UPDATE outbox SET sent_at = $at WHERE id = $id AND sent_at IS NULL AND parked_at IS NULL";

    private const string TakeSql = "UPDATE outbox SET sent_at = $at WHERE reply_id = $reply AND sent_at IS NULL AND parked_at IS NULL";

    private const string RetryLaterSql = """
        UPDATE outbox SET attempts = attempts + 1, last_error = $reason, next_attempt_at = $next
        WHERE id = $id AND sent_at IS NULL AND parked_at IS NULL
        """;

    private const string ParkSql = """
        UPDATE outbox SET parked_at = $at, last_error = $reason
        WHERE id = $id AND sent_at IS NULL AND parked_at IS NULL
        """;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxRecord>> DueRepliesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, DueSql);
        command.Parameters.AddWithValue("$now", SqliteTime.Write(now));
        command.Parameters.AddWithValue("$max", max);
        return await StoreReads.OutboxAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task MarkSentAsync(long outboxId, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        string at = SqliteTime.Write(sentAt);
        await Write(session =>
        {
            var update = session.Command(MarkSentSql);
            update.Parameters.AddWithValue("$id", outboxId);
            update.Parameters.AddWithValue("$at", at);
            return update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        _coordination.EndClaim(outboxId);
    }

    /// <inheritdoc/>
    public Task<bool> TryTakeAsync(string replyId, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replyId);
        string at = SqliteTime.Write(takenAt);
        return Write(session =>
        {
            var update = session.Command(TakeSql);
            update.Parameters.AddWithValue("$reply", replyId);
            update.Parameters.AddWithValue("$at", at);
            return update.ExecuteNonQuery() == 1;
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task RetryLaterAsync(long outboxId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        string next = SqliteTime.Write(nextAttemptAt);
        await Write(session =>
        {
            var update = session.Command(RetryLaterSql);
            update.Parameters.AddWithValue("$id", outboxId);
            update.Parameters.AddWithValue("$next", next);
            update.Parameters.AddWithValue("$reason", reason);
            return update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        _coordination.EndClaim(outboxId);
    }

    /// <inheritdoc/>
    public async Task ParkAsync(long outboxId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        string at = SqliteTime.Write(_time.GetUtcNow());
        await Write(session =>
        {
            var update = session.Command(ParkSql);
            update.Parameters.AddWithValue("$id", outboxId);
            update.Parameters.AddWithValue("$at", at);
            update.Parameters.AddWithValue("$reason", reason);
            return update.ExecuteNonQuery();
        }, cancellationToken).ConfigureAwait(false);
        _coordination.EndClaim(outboxId);
    }
}
