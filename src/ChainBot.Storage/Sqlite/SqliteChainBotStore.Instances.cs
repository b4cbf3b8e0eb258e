using ChainBot.Storage.Data;

namespace ChainBot.Storage.Sqlite;

// Leases and claims: one process uses a SQLite file, so they live in its memory (LocalCoordination), ordered with the
// writes where that matters — a lease is checked inside the completion's write, and a takeover goes through the writer
// too, so it comes after any completion its old holder queued.
public sealed partial class SqliteChainBotStore
{
    private const string ProcessedCountSql = "SELECT count(*) FROM inbox WHERE group_id = $groupId AND processed_at IS NOT NULL";

    private readonly LocalCoordination _coordination = new();

    // Claimers take turns: each reads enough due replies to skip what those before it claimed.
    private readonly SemaphoreSlim _claiming = new(1, 1);

    /// <inheritdoc/>
    public async Task<long> ProcessedCountAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groupId);
        await using var connection = OpenReader();
        await using var command = ReadCommand(connection, ProcessedCountSql);
        command.Parameters.AddWithValue("$groupId", groupId);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    public Task<GroupLease?> TryLeaseGroupAsync(string groupId, string holder, DateTimeOffset now, TimeSpan length, CancellationToken cancellationToken = default)
    {
        StoreArguments.ThrowIfBadLease(groupId, holder, length);
        var until = now + length;
        // A takeover waits its turn in the writer: a completion the old holder queued is then written (and checked) first.
        return _coordination.HeldByAnother(groupId, holder)
            ? Write(_ => _coordination.TryLease(groupId, holder, now, until), cancellationToken)
            : Task.FromResult(_coordination.TryLease(groupId, holder, now, until));
    }

    /// <inheritdoc/>
    public Task<bool> RenewLeaseAsync(GroupLease lease, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return Task.FromResult(_coordination.Renew(lease, until));
    }

    /// <inheritdoc/>
    public Task ReleaseLeaseAsync(GroupLease lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _coordination.Release(lease);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<bool> CompleteAsync(GroupLease lease, IReadOnlyList<long> inboxIds, IReadOnlyList<OutboxReply> replies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lease);
        return CompleteCoreAsync(lease, inboxIds, replies, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<OutboxRecord>> ClaimDueRepliesAsync(string claimer, DateTimeOffset now, int max, TimeSpan claimFor, CancellationToken cancellationToken = default)
    {
        StoreArguments.ThrowIfBadClaim(claimer, max, claimFor);
        await _claiming.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Read more due replies while those claimed by others (and the rest of their groups) leave fewer than max.
            int read = max + _coordination.ClaimCount;
            while (true)
            {
                var due = await DueRepliesAsync(now, read, cancellationToken).ConfigureAwait(false);
                var claimed = _coordination.Claim(claimer, now, now + claimFor, due, max);
                if (claimed.Count == max || due.Count < read)
                    return claimed;
                read *= 2;
            }
        }
        finally
        {
            _claiming.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<bool> TryTakeAsync(string replyId, string taker, DateTimeOffset takenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replyId);
        ArgumentException.ThrowIfNullOrEmpty(taker);
        if (_coordination.ClaimedByAnother(replyId, taker, takenAt))
            return false;
        bool taken = await TryTakeAsync(replyId, takenAt, cancellationToken).ConfigureAwait(false);
        if (taken)
            _coordination.EndClaim(replyId);
        return taken;
    }
}
