using ChainBot.Storage.Data;

namespace ChainBot.Storage.Postgres;

// The outbox: what is due, and a reply's three ends (sent, to retry, parked). A reply that is sent or parked is
// final: later calls about it change nothing, so a sender that reports twice does no harm.
public sealed partial class PostgresChainBotStore
{
    private const string DueSql = """
        SELECT id, reply_id, channel, group_id, in_reply_to, mentions::text, text, attempts, last_error FROM outbox AS o
        WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at <= @now
          AND NOT EXISTS (
            -- An earlier reply of the group, waiting for its retry: this one waits behind it, even across restarts.
            SELECT 1 FROM outbox AS e
            WHERE e.group_id = o.group_id AND e.id < o.id AND e.sent_at IS NULL AND e.parked_at IS NULL AND e.next_attempt_at > @now)
        ORDER BY id LIMIT @max
        """;

    // claimed_by stays: on a sent reply it says which instance sent it.
    private const string MarkSentSql = "UPDATE outbox SET sent_at = @at, claimed_until = NULL WHERE id = @id AND sent_at IS NULL AND parked_at IS NULL";

    // Two takers at once: the second waits for the first's row lock, then finds sent_at set and changes nothing.
    private const string TakeSql = "UPDATE outbox SET sent_at = @at WHERE reply_id = @reply AND sent_at IS NULL AND parked_at IS NULL";

    private const string RetryLaterSql = """
        UPDATE outbox SET attempts = attempts + 1, last_error = @reason, next_attempt_at = @next, claimed_by = NULL, claimed_until = NULL
        WHERE id = @id AND sent_at IS NULL AND parked_at IS NULL
        """;

    private const string ParkSql = """
        UPDATE outbox SET parked_at = @at, last_error = @reason, claimed_until = NULL
        WHERE id = @id AND sent_at IS NULL AND parked_at IS NULL
        """;

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxRecord>> DueRepliesAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        await using var command = Command(DueSql);
        command.Parameters.AddWithValue("now", Utc(now));
        command.Parameters.AddWithValue("max", max);
        return await StoreReads.OutboxAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task MarkSentAsync(long outboxId, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        UpdateAsync(MarkSentSql, cancellationToken, ("id", outboxId), ("at", Utc(sentAt)));

    /// <inheritdoc/>
    public async Task<bool> TryTakeAsync(string replyId, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replyId);
        return await UpdateAsync(TakeSql, cancellationToken, ("reply", replyId), ("at", Utc(takenAt))).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public Task RetryLaterAsync(long outboxId, DateTimeOffset nextAttemptAt, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return UpdateAsync(RetryLaterSql, cancellationToken, ("id", outboxId), ("next", Utc(nextAttemptAt)), ("reason", reason));
    }

    /// <inheritdoc/>
    public Task ParkAsync(long outboxId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reason);
        return UpdateAsync(ParkSql, cancellationToken, ("id", outboxId), ("at", Utc(_time.GetUtcNow())), ("reason", reason));
    }

    // One statement, so one transaction of its own.
    private async Task<int> UpdateAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
