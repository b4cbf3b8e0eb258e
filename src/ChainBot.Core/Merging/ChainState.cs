using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Tally;

namespace ChainBot.Core.Merging;

/// <summary>
/// One chain (接龙) as the merger holds it: its header, every entry any copy ever carried with who added and changed
/// it, the changes it refused, and the lines it could not read.
/// </summary>
/// <remarks>Immutable; <see cref="ChainMerger"/> makes a new one for every message that touches the chain.</remarks>
public sealed record ChainState
{
    /// <summary>The chain's number in its group, from 1, in the order chains were opened.</summary>
    public required int Number { get; init; }

    /// <summary>The chain's id in the group: its number as text.</summary>
    public string ChainId => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The header: from the post that opened the chain, or a later copy by its opener or a coordinator.</summary>
    public required ChainHeader Header { get; init; }

    /// <summary>Who posted the chain first (usually its 团长).</summary>
    public required Provenance OpenedBy { get; init; }

    /// <summary>Who closed it early with <c>截止</c>; null while it is open.</summary>
    public Provenance? ClosedBy { get; init; }

    /// <summary>True once a coordinator closed the chain with <c>截止</c>.</summary>
    public bool Closed => ClosedBy is not null;

    /// <summary>Who marked the goods arrived with <c>到货</c>, and when; null until a coordinator did.</summary>
    public Provenance? Delivered { get; init; }

    /// <summary>
    /// The households registered as having collected their goods (<c>已领</c>, <c>12-301 已取</c>,
    /// <c>12号楼全部已领</c>), each with who registered it and when; the first registration stands.
    /// </summary>
    public ImmutableDictionary<HouseholdId, Provenance> PickedUp { get; init; } = ImmutableDictionary<HouseholdId, Provenance>.Empty;

    /// <summary>
    /// The households that have goods to collect and have not: one entry per household that counts (active, not a
    /// late line waiting), in the order first seen, minus <see cref="PickedUp"/>.
    /// </summary>
    public ImmutableArray<MergedEntry> Uncollected() =>
        [.. Entries.Where(entry => entry.Counts && !PickedUp.ContainsKey(entry.Entry.Household)).DistinctBy(entry => entry.Entry.Household)];

    /// <summary>True for WeChat's native 接龙, whose structured data says who wrote each entry.</summary>
    public bool IsNative { get; init; }

    /// <summary>Every entry, in the order first seen; none is ever removed.</summary>
    public ImmutableList<MergedEntry> Entries { get; init; } = [];

    /// <summary>Changes to other people's lines that were not made, in the order they were tried.</summary>
    public ImmutableList<Conflict> Conflicts { get; init; } = [];

    /// <summary>Lines of the chain's copies and replies that could not be read, each once.</summary>
    public ImmutableList<UnreadLine> Unread { get; init; } = [];

    /// <summary>An order chain has a catalogue of items; a roster has none.</summary>
    public ChainKind Kind => Header.Catalogue.IsDefaultOrEmpty ? ChainKind.Roster : ChainKind.Order;

    /// <summary>The indexes the merger finds lines and households with.</summary>
    internal ChainIndex Index { get; init; } = ChainIndex.Empty;

    /// <summary>True when a line sent at <paramref name="time"/> is on time: before the deadline, and not closed.</summary>
    public bool IsOpenAt(DateTimeOffset time) => !Closed && (Header.Deadline is not { } deadline || time <= deadline);

    /// <summary>The entry with the given <see cref="MergedEntry.Id"/>.</summary>
    public MergedEntry Entry(int id) => Entries[id - 1];

    /// <summary>What the coordinator should look at in <paramref name="entry"/>.</summary>
    public EntryMarks MarksOf(MergedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var marks = EntryMarks.None;
        if (Index.Latest is { } latest && latest.Dropped(entry, Index.EverCarried))
            marks |= EntryMarks.MissingFromLatest;
        if (entry.Late)
            marks |= entry.Accepted ? EntryMarks.AcceptedLate : EntryMarks.Late;
        if (entry.Entry.Status == EntryStatus.Active && HasAnotherActiveLine(entry))
            marks |= EntryMarks.SecondLine;
        if (entry.Conflicted)
            marks |= EntryMarks.Conflict;
        if (entry.LateChange is not null)
            marks |= EntryMarks.LateChange;
        return marks;
    }

    /// <summary>The totals of the entries that count: active, and not late unless accepted.</summary>
    public ChainTally Tally()
    {
        var builder = new TallyBuilder(Header.Catalogue);
        foreach (var entry in Entries)
        {
            if (entry.Counts)
                builder.Add(entry.Entry);
        }
        return builder.Build();
    }

    private bool HasAnotherActiveLine(MergedEntry entry)
    {
        if (!Index.Households.TryGetValue(entry.Entry.Household, out var ids) || ids.Length < 2)
            return false;
        foreach (int id in ids)
        {
            if (id != entry.Id && Entry(id).Entry.Status == EntryStatus.Active)
                return true;
        }
        return false;
    }
}
