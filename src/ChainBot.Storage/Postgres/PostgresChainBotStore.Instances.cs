using ChainBot.Storage.Data;
using Npgsql;

namespace ChainBot.Storage.Postgres;

// Several instances on one database (design.md, "Scaling out"): group leases, and claims on the outbox.
public sealed partial class PostgresChainBotStore
{
    /// <summary>
    /// The advisory lock claimers take one at a time ("claimout" in ASCII). Row locks alone cannot keep a group's
    /// replies in order: a claimer's snapshot does not see the claims of one whose transaction is still open, so two
    /// could claim the first and the second reply of a group at once. Claims take milliseconds; sending happens after.
    /// </summary>
    internal const long ClaimLockKey = 0x636c61696d6f7574;

    private const string ProcessedCountSql = "SELECT count(*) FROM inbox WHERE group_id = @groupId AND processed_at IS NOT NULL";

    // Taken when free, run out, or already ours. ON CONFLICT DO UPDATE waits for a completion holding the row lock
    // (CompleteLeasedSql) and then looks at the row as that transaction left it.
    private const string TryLeaseSql = """
        INSERT INTO group_leases AS l (group_id, holder, expires_at) VALUES (@groupId, @holder, @until)
        ON CONFLICT (group_id) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
        WHERE l.holder = EXCLUDED.holder OR l.expires_at <= @now
        RETURNING expires_at
        """;

    private const string RenewLeaseSql = "UPDATE group_leases SET expires_at = @until WHERE group_id = @groupId AND holder = @holder";

    private const string ReleaseLeaseSql = "DELETE FROM group_leases WHERE group_id = @groupId AND holder = @holder";

    // Locks the lease row for the rest of the completion: a takeover waits until the completion commits or rolls back.
    private const string HoldLeaseSql = "SELECT 1 FROM group_leases WHERE group_id = @groupId AND holder = @holder FOR UPDATE";

    // What DueSql returns, less the replies another live claim covers, and less those behind an earlier reply of their
    // group that someone else claims: the group's replies stay with one sender, in order. SKIP LOCKED passes over a
    // reply whose row another transaction is changing (marked sent, taken, retried) rather than wait for it.
    private const string ClaimSql = """
        WITH due AS (
            SELECT id FROM outbox AS o
            WHERE sent_at IS NULL AND parked_at IS NULL AND next_attempt_at <= @now
              AND (claimed_until IS NULL OR claimed_until <= @now OR claimed_by = @claimer)
              AND NOT EXISTS (
                SELECT 1 FROM outbox AS e
                WHERE e.group_id = o.group_id AND e.id < o.id AND e.sent_at IS NULL AND e.parked_at IS NULL
                  AND (e.next_attempt_at > @now OR (e.claimed_until > @now AND e.claimed_by <> @claimer)))
            ORDER BY id LIMIT @max
            FOR UPDATE SKIP LOCKED),
        claimed AS (
            UPDATE outbox SET claimed_by = @claimer, claimed_until = @until FROM due WHERE outbox.id = due.id
            RETURNING outbox.id, reply_id, channel, group_id, in_reply_to, mentions, text, attempts, last_error)
        SELECT id, reply_id, channel, group_id, in_reply_to, mentions::text, text, attempts, last_error FROM claimed ORDER BY id
        """;

    private const string TakeClaimedSql = """
        UPDATE outbox SET sent_at = @at, claimed_until = NULL
        WHERE reply_id = @reply AND sent_at IS NULL AND parked_at IS NULL
          AND (claimed_until IS NULL OR claimed_until <= @at OR claimed_by = @taker)
        """;

    /// <inheritdoc/>
    public async Task<long> ProcessedCountAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        await using var command = Command(ProcessedCountSql);
        command.Parameters.AddWithValue("groupId", groupId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    public async Task<GroupLease?> TryLeaseGroupAsync(string groupId, string holder, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken = default)
    {
        StoreArguments.ThrowIfBadLease(groupId, holder, length);
        await using var command = Command(TryLeaseSql);
        command.Parameters.AddWithValue("groupId", groupId);
        command.Parameters.AddWithValue("holder", holder);
        command.Parameters.AddWithValue("now", Utc(now));
        command.Parameters.AddWithValue("until", Utc(now + length));
        // A timestamptz comes back as a UTC DateTime; no row when another holder's lease still runs.
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime until
            ? new GroupLease(groupId, holder, new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)))
            : null;
    }

    /// <inheritdoc/>
    public async Task<bool> RenewLeaseAsync(GroupLease lease, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return await UpdateAsync(RenewLeaseSql, cancellationToken, ("groupId", lease.GroupId), ("holder", lease.Holder), ("until", Utc(until))).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public Task ReleaseLeaseAsync(GroupLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return UpdateAsync(ReleaseLeaseSql, cancellationToken, ("groupId", lease.GroupId), ("holder", lease.Holder));
    }

    /// <inheritdoc/>
    public Task<bool> CompleteAsync(GroupLease lease, IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return CompleteCoreAsync(lease, inboxIds, replies, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Claimers take turns (<see cref="ClaimLockKey"/>) for the length of one statement.</remarks>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimDueRepliesAsync(string claimer, DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        StoreArguments.ThrowIfBadClaim(claimer, max, claimFor);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var turn = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            turn.Parameters.AddWithValue("key", ClaimLockKey);
            await turn.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        IReadOnlyList<OutboxRecord> claimed;
        await using (var claim = new NpgsqlCommand(ClaimSql, connection, transaction))
        {
            claim.Parameters.AddWithValue("claimer", claimer);
            claim.Parameters.AddWithValue("now", Utc(now));
            claim.Parameters.AddWithValue("until", Utc(now + claimFor));
            claim.Parameters.AddWithValue("max", max);
            claimed = await StoreReads.OutboxAsync(claim, cancellationToken).ConfigureAwait(false);
        }
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <inheritdoc/>
    public async Task<bool> TryTakeAsync(string replyId, string taker, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replyId);
        ArgumentException.ThrowIfNullOrEmpty(taker);
        return await UpdateAsync(TakeClaimedSql, cancellationToken, ("reply", replyId), ("taker", taker), ("at", Utc(takenAt))).ConfigureAwait(false) == 1;
    }

    // Within a completion: false when the lease is no longer the holder's. The row stays locked until the commit.
    private static async Task<bool> HoldLeaseAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, GroupLease lease, CancellationToken cancellationToken)
    {
        await using var hold = new NpgsqlCommand(HoldLeaseSql, connection, transaction);
        hold.Parameters.AddWithValue("groupId", lease.GroupId);
        hold.Parameters.AddWithValue("holder", lease.Holder);
        return await hold.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
    }
}
