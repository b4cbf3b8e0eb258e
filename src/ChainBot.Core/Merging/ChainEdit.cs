using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Core.Merging;

/// <summary>
/// One message's changes to one chain, made on builders and frozen once at the end (<see cref="ToState"/>), so a
/// copy of 300 lines costs what it changes, not a new chain per line.
/// </summary>
internal sealed class ChainEdit
{
    private readonly ChainState _original;
    private readonly ImmutableList<MergedEntry>.Builder _entries;
    private readonly ImmutableDictionary<string, int>.Builder _lines;
    private readonly ImmutableDictionary<HouseholdId, ImmutableArray<int>>.Builder _households;
    private readonly ImmutableDictionary<string, int>.Builder _authors;
    private readonly ImmutableHashSet<string>.Builder _unreadKeys;
    private readonly ImmutableList<UnreadLine>.Builder _unread;
    private readonly ImmutableList<Conflict>.Builder _conflicts;

    public ChainEdit(ChainState chain)
    {
        _original = chain;
        Header = chain.Header;
        ClosedBy = chain.ClosedBy;
        Latest = chain.Index.Latest;
        _entries = chain.Entries.ToBuilder();
        _lines = chain.Index.Lines.ToBuilder();
        _households = chain.Index.Households.ToBuilder();
        _authors = chain.Index.Authors.ToBuilder();
        _unreadKeys = chain.Index.UnreadLines.ToBuilder();
        _unread = chain.Unread.ToBuilder();
        _conflicts = chain.Conflicts.ToBuilder();
        EverCarried = chain.Index.EverCarried;
    }

    public ChainState Original => _original;

    public ChainHeader Header { get; set; }

    public Provenance? ClosedBy { get; set; }

    public LatestCopy? Latest { get; set; }

    /// <summary>How many entries the chain has; the next one added gets this plus one as its id.</summary>
    public int Count => _entries.Count;

    public MergedEntry this[int id] => _entries[id - 1];

    /// <summary>True when a line sent at <paramref name="time"/> is on time, by the header as it now stands.</summary>
    public bool IsOpenAt(DateTimeOffset time) => ClosedBy is null && (Header.Deadline is not { } deadline || time <= deadline);

    public bool TryFindLine(string key, out int id) => _lines.TryGetValue(key, out id);

    public bool TryFindAuthor(string authorKey, out int id) => _authors.TryGetValue(authorKey, out id);

    public ImmutableArray<int> EntriesOf(HouseholdId household) =>
        _households.TryGetValue(household, out var ids) ? ids : [];

    /// <summary>Adds a line as a new entry and returns its id.</summary>
    public int Add(ChainEntry entry, string key, string? owner, Provenance added, int ordinal, bool late)
    {
        int id = _entries.Count + 1;
        _entries.Add(new MergedEntry { Id = id, Entry = entry, Owner = owner, Added = added, AddedOrdinal = ordinal, Late = late });
        _lines.TryAdd(key, id);
        _households[entry.Household] = EntriesOf(entry.Household).Add(id);
        return id;
    }

    /// <summary>Puts a new version of an entry in place, moving it to another household if its address changed.</summary>
    public void Replace(MergedEntry updated)
    {
        var old = this[updated.Id];
        _entries[updated.Id - 1] = updated;
        if (old.Entry.Household != updated.Entry.Household)
        {
            var left = EntriesOf(old.Entry.Household).Remove(updated.Id);
            if (left.IsEmpty)
                _households.Remove(old.Entry.Household);
            else
                _households[old.Entry.Household] = left;
            _households[updated.Entry.Household] = EntriesOf(updated.Entry.Household).Add(updated.Id);
        }
    }

    /// <summary>Makes <paramref name="key"/> (another version of a line) find entry <paramref name="id"/> too.</summary>
    public void KnowLine(string key, int id) => _lines.TryAdd(key, id);

    public void KnowAuthor(string authorKey, int id) => _authors[authorKey] = id;

    /// <summary>The entries some full copy carried.</summary>
    public ImmutableArray<ulong> EverCarried { get; set; }

    public void AddConflict(Conflict conflict) => _conflicts.Add(conflict);

    /// <summary>Keeps an unread line unless the same line was reported already; true when it is new.</summary>
    public bool AddUnread(UnreadLine line)
    {
        if (!_unreadKeys.Add(LineKeys.Of(line.Line)))
            return false;
        _unread.Add(line);
        return true;
    }

    public ChainState ToState() => _original with
    {
        Header = Header,
        ClosedBy = ClosedBy,
        Entries = _entries.ToImmutable(),
        Conflicts = _conflicts.ToImmutable(),
        Unread = _unread.ToImmutable(),
        Index = new ChainIndex(_lines.ToImmutable(), _households.ToImmutable(), _authors.ToImmutable(), _unreadKeys.ToImmutable(), EverCarried, Latest),
    };
}
