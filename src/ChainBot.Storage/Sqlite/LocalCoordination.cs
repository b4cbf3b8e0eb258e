namespace ChainBot.Storage.Sqlite;

/// <summary>
/// Group leases and outbox claims for a store only one process uses (SQLite: design.md, "Scaling out"), kept in
/// memory: the process is the only place they are shared, and after it dies none of them should survive anyway. Same
/// rules as PostgreSQL's <c>group_leases</c> table and <c>claimed_by</c>/<c>claimed_until</c> columns.
/// </summary>
/// <remarks>Thread-safe: every call holds one lock for its short length.</remarks>
internal sealed class LocalCoordination
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GroupLease> _leases = new(StringComparer.Ordinal);
    private readonly Dictionary<long, ReplyClaim> _claims = [];

    /// <summary>How many replies are claimed, live or run out: how many more due replies to read so that <see cref="Claim"/> can skip them.</summary>
    public int ClaimCount
    {
        get
        {
            lock (_gate)
                return _claims.Count;
        }
    }

    /// <summary>True when someone other than <paramref name="holder"/> holds the group's lease, run out or not: taking it over must be ordered with that holder's completions.</summary>
    public bool HeldByAnother(string groupId, string holder)
    {
        lock (_gate)
            return _leases.TryGetValue(groupId, out var lease) && lease.Holder != holder;
    }

    /// <summary>Takes or renews a lease when free, run out at <paramref name="now"/>, or the holder's already.</summary>
    public GroupLease? TryLease(string groupId, string holder, DateTimeOffset now, DateTimeOffset until)
    {
        lock (_gate)
        {
            if (_leases.TryGetValue(groupId, out var held) && held.Holder != holder && held.ExpiresAt > now)
                return null;
            return _leases[groupId] = new GroupLease(groupId, holder, until);
        }
    }

    /// <summary>Moves a lease's end, if its holder still holds it.</summary>
    public bool Renew(GroupLease lease, DateTimeOffset until)
    {
        lock (_gate)
        {
            if (!Holds(lease))
                return false;
            _leases[lease.GroupId] = lease with { ExpiresAt = until };
            return true;
        }
    }

    /// <summary>Gives a lease up, if its holder still holds it.</summary>
    public void Release(GroupLease lease)
    {
        lock (_gate)
        {
            if (Holds(lease))
                _leases.Remove(lease.GroupId);
        }
    }

    /// <summary>True while <paramref name="lease"/>'s holder holds the group's lease.</summary>
    public bool Holds(GroupLease lease)
    {
        lock (_gate)
            return _leases.TryGetValue(lease.GroupId, out var held) && held.Holder == lease.Holder;
    }

    /// <summary>
    /// Claims, of <paramref name="due"/> (the due replies, oldest first), those no other live claim covers, up to
    /// <paramref name="max"/>; a group with a reply claimed by someone else gives none of its later replies.
    /// </summary>
    public IReadOnlyList<OutboxRecord> Claim(string claimer, DateTimeOffset now, DateTimeOffset until, IReadOnlyList<OutboxRecord> due, int max)
    {
        var claimed = new List<OutboxRecord>();
        var blocked = new HashSet<string>(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var record in due)
            {
                if (claimed.Count == max)
                    break;
                if (blocked.Contains(record.Reply.GroupId))
                    continue;
                if (_claims.TryGetValue(record.Id, out var other) && other.Claimer != claimer && other.Until > now)
                {
                    blocked.Add(record.Reply.GroupId);
                    continue;
                }
                _claims[record.Id] = new ReplyClaim(record.Reply.ReplyId, claimer, until);
                claimed.Add(record);
            }
        }
        return claimed;
    }

    /// <summary>True when a live claim of someone other than <paramref name="taker"/> covers the reply.</summary>
    public bool ClaimedByAnother(string replyId, string taker, DateTimeOffset now)
    {
        lock (_gate)
            return _claims.Values.Any(c => c.ReplyId == replyId && c.Claimer != taker && c.Until > now);
    }

    /// <summary>Ends a reply's claim: it was sent, taken, is to be retried later, or parked.</summary>
    public void EndClaim(long outboxId)
    {
        lock (_gate)
            _claims.Remove(outboxId);
    }

    /// <summary>Ends the claim on a reply known by its id (taken as a passive reply).</summary>
    public void EndClaim(string replyId)
    {
        lock (_gate)
        {
            foreach (var (id, claim) in _claims)
            {
                if (claim.ReplyId == replyId)
                {
                    _claims.Remove(id);
                    return;
                }
            }
        }
    }

    private readonly record struct ReplyClaim(string ReplyId, string Claimer, DateTimeOffset Until);
}
