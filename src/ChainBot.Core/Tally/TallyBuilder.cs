using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Tally;

/// <summary>
/// Accumulates entries one at a time into a <see cref="ChainTally"/>, so a stream of entries can be totalled
/// without holding them. Not thread-safe.
/// </summary>
public sealed class TallyBuilder
{
    private readonly Dictionary<(string Item, string Unit), decimal> _prices = [];
    private readonly Dictionary<(string Item, string Unit), int> _itemOrder = [];
    private readonly Dictionary<(string? Area, string? Building), Accumulator> _buildings = [];
    private readonly Accumulator _total = new();

    /// <summary>Starts a tally over a catalogue; prices come from it.</summary>
    public TallyBuilder(ImmutableArray<CatalogueItem> catalogue)
    {
        foreach (var item in catalogue.IsDefault ? [] : catalogue)
        {
            var key = (item.Name, item.Unit);
            _itemOrder.TryAdd(key, _itemOrder.Count);
            if (item.Price is decimal price)
                _prices.TryAdd(key, price);
        }
    }

    /// <summary>Counts one entry; a cancelled one counts nowhere.</summary>
    public void Add(ChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == EntryStatus.Cancelled)
            return;
        var key = (entry.Address.Area, entry.Address.Building);
        if (!_buildings.TryGetValue(key, out var building))
            _buildings.Add(key, building = new Accumulator());
        // Buildings are part of the household, so the compound's households are the sum of the buildings'.
        building.Households.Add(entry.Household);
        foreach (var item in entry.Items)
        {
            var itemKey = (item.Item, item.Unit);
            _itemOrder.TryAdd(itemKey, _itemOrder.Count);
            decimal amount = _prices.TryGetValue(itemKey, out decimal price) ? price * item.Quantity : 0m;
            building.Add(itemKey, item.Quantity, amount);
            _total.Add(itemKey, item.Quantity, amount);
        }
    }

    /// <summary>The totals so far.</summary>
    public ChainTally Build()
    {
        var rows = _buildings
            .OrderBy(b => b.Key.Building is null)
            .ThenBy(b => b.Key.Area, NaturalComparer.Instance)
            .ThenBy(b => b.Key.Building, NaturalComparer.Instance)
            .Select(b => new BuildingTally(b.Key.Area, b.Key.Building, b.Value.Households.Count, Items(b.Value), b.Value.Amount))
            .ToImmutableArray();
        int households = rows.Sum(r => r.Households);
        return new ChainTally(rows, new TallyTotal(households, Items(_total), _total.Amount));
    }

    private ImmutableArray<ItemQuantity> Items(Accumulator acc) =>
        acc.Quantities
            .OrderBy(q => _itemOrder[q.Key])
            .Select(q => new ItemQuantity(q.Key.Item, q.Value, q.Key.Unit))
            .ToImmutableArray();

    private sealed class Accumulator
    {
        public HashSet<HouseholdId> Households { get; } = [];
        public Dictionary<(string Item, string Unit), decimal> Quantities { get; } = [];
        public decimal Amount { get; private set; }

        public void Add((string Item, string Unit) item, decimal quantity, decimal amount)
        {
            Quantities[item] = Quantities.GetValueOrDefault(item) + quantity;
            Amount += amount;
        }
    }
}
