using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Merging;
using ChainBot.Core.Text;

namespace ChainBot.Core.Ledgers;

/// <summary>
/// Builds the standing ledgers (台账) from the roster chains of one or several groups: each chain feeds the ledger
/// its title names (<see cref="LedgerCatalog"/>), order chains (with a catalogue) feed none, and each household's
/// registrations across every chain are gathered, newest first. Pure: the same ledgers for the same states.
/// </summary>
/// <remarks>
/// Every entry of a roster counts as a registration, a late one too: a deadline decides what a supplier is
/// ordered, while a ledger records who asked, and a coordinator wants to see a line that came late.
/// </remarks>
public static class LedgerBuilder
{
    /// <summary>The ledgers of one group.</summary>
    public static ImmutableArray<Ledger> Build(GroupState state, LedgerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Build([new LedgerSource(null, state)], catalog);
    }

    /// <summary>
    /// The ledgers of a compound's groups, in the catalogue's order; only those some chain feeds. A household is
    /// one across groups and chains where its address reads the same (15号302 and 15-302 are one).
    /// </summary>
    public static ImmutableArray<Ledger> Build(IEnumerable<LedgerSource> sources, LedgerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        catalog ??= LedgerCatalog.Default;
        var fed = new Dictionary<string, (int Chains, List<(LedgerRegistration Registration, int Order)> Rows)>(StringComparer.Ordinal);
        int order = 0;
        foreach (var source in sources)
        {
            foreach (var chain in source.State.Chains)
            {
                if (chain.Kind != ChainKind.Roster || catalog.Of(chain.Header.Title) is not { } definition)
                    continue;
                if (!fed.TryGetValue(definition.Name, out var ledger))
                    ledger = (0, []);
                foreach (var entry in chain.Entries)
                    ledger.Rows.Add((Registration(source.GroupId, chain, entry), order++));
                fed[definition.Name] = (ledger.Chains + 1, ledger.Rows);
            }
        }
        return [.. catalog.Definitions
            .Where(definition => fed.ContainsKey(definition.Name))
            .Select(definition => Ledger(definition.Name, fed[definition.Name].Chains, fed[definition.Name].Rows))];
    }

    private static Ledger Ledger(string name, int chains, List<(LedgerRegistration Registration, int Order)> rows)
    {
        var households = rows
            .GroupBy(static row => row.Registration.Household)
            .Select(static group => new LedgerHousehold([.. group
                .OrderByDescending(static row => row.Registration.Time)
                .ThenByDescending(static row => row.Order)
                .Select(static row => row.Registration)]))
            .OrderBy(static household => household.Latest.Household, HouseholdOrder.Instance);
        return new Ledger(name, [.. households], chains);
    }

    private static LedgerRegistration Registration(string? groupId, ChainState chain, MergedEntry merged)
    {
        var entry = merged.Entry;
        var at = merged.Changed ?? merged.Added;
        return new LedgerRegistration
        {
            Household = entry.Household,
            Address = entry.Address,
            Name = entry.Name,
            Content = LedgerContent.Of(entry),
            Items = entry.Items,
            Note = entry.Note,
            Status = entry.Status,
            OnBehalf = entry.OnBehalf,
            Phone = entry.Phone,
            Time = at.Time,
            GroupId = groupId,
            ChainNumber = chain.Number,
            ChainTitle = chain.Header.Title,
            EntryId = merged.Id,
            MsgId = at.MsgId,
            AddedBy = merged.Added.SenderId,
            AddedByName = merged.Added.SenderName,
        };
    }

    /// <summary>Households as a building's list reads: area, building (natural order; none last), entrance, room, floor, name.</summary>
    private sealed class HouseholdOrder : IComparer<HouseholdId>
    {
        public static HouseholdOrder Instance { get; } = new();

        public int Compare(HouseholdId x, HouseholdId y)
        {
            int c = Natural(x.Area, y.Area);
            if (c == 0) c = Natural(x.Building, y.Building);
            if (c == 0) c = Natural(x.Entrance, y.Entrance);
            if (c == 0) c = Natural(x.Room, y.Room);
            if (c == 0) c = Natural(x.Floor, y.Floor);
            return c != 0 ? c : string.CompareOrdinal(x.Name, y.Name);
        }

        // Something written before nothing: lines without a building come after every building.
        private static int Natural(string? x, string? y) =>
            (x, y) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                _ => NaturalComparer.Instance.Compare(x, y),
            };
    }
}
