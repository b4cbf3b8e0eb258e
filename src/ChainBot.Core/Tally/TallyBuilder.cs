using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Tally;

/// <summary>
/// Accumulates entries one at a time into a <see cref="ChainTally"/>, so a stream of entries can be totalled
/// without holding them. Not thread-safe.
/// </summary>
/// <remarks>
/// Built for hundreds of thousands of entries: items are numbered once and counted in arrays, and buildings are
/// found by the identity of their (pooled) strings before falling back to their values.
/// </remarks>
public sealed class TallyBuilder
{
    private readonly List<(string Item, string Unit, decimal? Price)> _items = [];
    private readonly Dictionary<(string Item, string Unit), int> _itemIndex = [];
    private readonly Dictionary<(string? Area, string? Building), Accumulator> _buildings = [];
    private readonly Dictionary<(string? Area, string? Building), Accumulator> _buildingsByReference = new(ReferencePairComparer.Instance);
    private readonly Accumulator _total = new();

    /// <summary>Starts a tally over a catalogue; prices come from it.</summary>
    public TallyBuilder(ImmutableArray<CatalogueItem> catalogue)
    {
        foreach (var item in catalogue.IsDefault ? [] : catalogue)
            IndexOf(item.Name, item.Unit, item.Price);
    }

    /// <summary>Counts one entry; a cancelled one counts nowhere.</summary>
    public void Add(ChainEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == EntryStatus.Cancelled)
            return;
        var key = (entry.Address.Area, entry.Address.Building);
        if (!_buildingsByReference.TryGetValue(key, out var building))
        {
            if (!_buildings.TryGetValue(key, out building))
                _buildings.Add(key, building = new Accumulator());
            _buildingsByReference.Add(key, building);
        }
        building.Households.Add(entry.Household);
        foreach (var item in entry.Items)
        {
            int index = IndexOf(item.Item, item.Unit, null);
            decimal amount = _items[index].Price is decimal price ? price * item.Quantity : 0m;
            building.Add(index, item.Quantity, amount);
            _total.Add(index, item.Quantity, amount);
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
        // Buildings are part of the household, so the compound's households are the sum of the buildings'.
        int households = rows.Sum(r => r.Households);
        return new ChainTally(rows, new TallyTotal(households, Items(_total), _total.Amount));
    }

    /// <summary>The number of an item and unit, in catalogue order, then in the order first seen.</summary>
    private int IndexOf(string item, string unit, decimal? price)
    {
        // Entries name catalogue items by the catalogue's own strings: compare references before values.
        for (int i = 0; i < _items.Count && i < 64; i++)
        {
            if (ReferenceEquals(_items[i].Item, item) && ReferenceEquals(_items[i].Unit, unit))
                return i;
        }
        if (_itemIndex.TryGetValue((item, unit), out int index))
            return index;
        index = _items.Count;
        _items.Add((item, unit, price));
        _itemIndex.Add((item, unit), index);
        return index;
    }

    private ImmutableArray<ItemQuantity> Items(Accumulator acc)
    {
        var builder = ImmutableArray.CreateBuilder<ItemQuantity>();
        for (int i = 0; i < acc.Counted.Length && i < _items.Count; i++)
        {
            if (acc.Counted[i])
                builder.Add(new ItemQuantity(_items[i].Item, acc.Quantities[i], _items[i].Unit));
        }
        return builder.ToImmutable();
    }

    private sealed class Accumulator
    {
        public HashSet<HouseholdId> Households { get; } = new(HouseholdIdComparer.Instance);
        public decimal[] Quantities { get; private set; } = new decimal[8];
        public bool[] Counted { get; private set; } = new bool[8];
        public decimal Amount { get; private set; }

        public void Add(int item, decimal quantity, decimal amount)
        {
            if (item >= Quantities.Length)
            {
                int size = Math.Max(item + 1, Quantities.Length * 2);
                Quantities = [.. Quantities, .. new decimal[size - Quantities.Length]];
                Counted = [.. Counted, .. new bool[size - Counted.Length]];
            }
            Quantities[item] += quantity;
            Counted[item] = true;
            Amount += amount;
        }
    }

    /// <summary>Pairs of strings compared by identity: a cache in front of the comparison by value.</summary>
    private sealed class ReferencePairComparer : IEqualityComparer<(string?, string?)>
    {
        public static readonly ReferencePairComparer Instance = new();

        public bool Equals((string?, string?) x, (string?, string?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((string?, string?) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Item1), RuntimeHelpers.GetHashCode(obj.Item2));
    }
}
