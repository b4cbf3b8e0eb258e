using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ChainBot.Core.Chains;
using ChainBot.Core.Text;

namespace ChainBot.Core.Tally;

/// <summary>
/// Accumulates entries one at a time into a <see cref="ChainTally"/>, so a stream of entries can be totalled
/// without holding them. Not thread-safe.
/// </summary>
/// <remarks>
/// Built for hundreds of thousands of entries: items are numbered once and counted in arrays, and buildings and
/// households are hashed with a hash made for their short strings.
/// </remarks>
public sealed class TallyBuilder
{
    private readonly List<(string Item, string Unit, decimal? Price)> _items = [];
    private readonly Dictionary<(string Item, string Unit), int> _itemIndex = [];
    private readonly Dictionary<(string? Area, string? Building), Accumulator> _buildings = new(BuildingComparer.Instance);
    private const int MaxBuildingDigits = 3;
    private Accumulator?[]? _byNumber; // buildings 1–999 (MaxBuildingDigits), by number
    private Accumulator? _last;
    private (string? Area, string? Building) _lastKey;

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
        Accumulator? building;
        // Lines of one building often follow each other, with the same (pooled) strings: no lookup then.
        if (_last is not null && ReferenceEquals(key.Area, _lastKey.Area) && ReferenceEquals(key.Building, _lastKey.Building))
        {
            building = _last;
        }
        else
        {
            // Buildings are mostly numbers (12号楼): found by number, without hashing the strings.
            int number = key.Area is null && key.Building is not null ? CharKinds.PlainNumber(key.Building, MaxBuildingDigits) : -1;
            building = number >= 0 ? (_byNumber ??= new Accumulator?[1000])[number] : null;
            if (building is null)
            {
                if (!_buildings.TryGetValue(key, out building))
                    _buildings.Add(key, building = new Accumulator());
                if (number >= 0)
                    _byNumber![number] = building;
            }
            (_last, _lastKey) = (building, key);
        }
        // Within a building, a household is told apart by the rest of its address (its room, else its floor and
        // name): the household's own rule, not a copy of it.
        var household = entry.Household;
        var flat = new Flat(household.Entrance, household.Room, household.Floor, household.Name);
        if (flat.TryPack(out long packed))
            building.NumberedFlats.Add(packed);
        else
            building.OtherFlats.Add(flat);
        // Only quantities are summed here: an item's price is fixed, so the money is price × total, once, in Build.
        foreach (var item in entry.Items)
            building.Add(IndexOf(item.Item, item.Unit, null), item.Quantity);
    }

    /// <summary>The totals so far.</summary>
    public ChainTally Build()
    {
        var rows = _buildings
            .OrderBy(b => b.Key.Building is null)
            .ThenBy(b => b.Key.Area, NaturalComparer.Instance)
            .ThenBy(b => b.Key.Building, NaturalComparer.Instance)
            .Select(b => new BuildingTally(b.Key.Area, b.Key.Building, b.Value.Households, Items(b.Value), Amount(b.Value)))
            .ToImmutableArray();
        var total = new Accumulator();
        foreach (var building in _buildings.Values)
        {
            for (int i = 0; i < building.Counted.Length; i++)
            {
                if (building.Counted[i])
                    total.Add(i, building.Quantity(i));
            }
        }
        // Buildings are part of the household, so the compound's households are the sum of the buildings'.
        int households = rows.Sum(r => r.Households);
        return new ChainTally(rows, new TallyTotal(households, Items(total), Amount(total)));
    }

    /// <summary>Money due: Σ price × quantity over the priced items.</summary>
    private decimal Amount(Accumulator acc)
    {
        decimal amount = 0m;
        for (int i = 0; i < acc.Counted.Length && i < _items.Count; i++)
        {
            if (acc.Counted[i] && _items[i].Price is decimal price)
                amount += price * acc.Quantity(i);
        }
        return amount;
    }

    /// <summary>The number of an item and unit, in catalogue order, then in the order first seen.</summary>
    private int IndexOf(string item, string unit, decimal? price)
    {
        // Entries name catalogue items by the catalogue's own strings: compare references before values, in place
        // (the list's indexer would copy each item's name, unit and price out to compare two of them).
        var items = CollectionsMarshal.AsSpan(_items);
        for (int i = 0; i < items.Length && i < 64; i++)
        {
            if (ReferenceEquals(items[i].Item, item) && ReferenceEquals(items[i].Unit, unit))
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
                builder.Add(new ItemQuantity(_items[i].Item, acc.Quantity(i), _items[i].Unit));
        }
        return builder.ToImmutable();
    }

    private sealed class Accumulator
    {
        /// <summary>
        /// Flats written as plain numbers (3单元1201), packed into one long and only appended here: counting them
        /// once, sorted, costs less than a hash set's scattered lookups on a chain of hundreds of thousands.
        /// </summary>
        public List<long> NumberedFlats { get; } = [];

        /// <summary>Every other household: named, by floor, or numbered in an unusual way (0301).</summary>
        public HashSet<Flat> OtherFlats { get; } = new(FlatComparer.Instance);

        public int Households => DistinctNumberedFlats() + OtherFlats.Count;

        /// <summary>Sorts the numbered flats, keeps each once, and says how many there are.</summary>
        private int DistinctNumberedFlats()
        {
            var flats = CollectionsMarshal.AsSpan(NumberedFlats);
            flats.Sort();
            int distinct = 0;
            for (int i = 0; i < flats.Length; i++)
            {
                if (i == 0 || flats[i] != flats[distinct - 1])
                    flats[distinct++] = flats[i];
            }
            CollectionsMarshal.SetCount(NumberedFlats, distinct);
            return distinct;
        }
        private const long WholeLimit = 1L << 40;

        public decimal[] Quantities { get; private set; } = new decimal[8];
        public long[] Whole { get; private set; } = new long[8];
        public bool[] Counted { get; private set; } = new bool[8];

        /// <summary>The total of an item: its whole quantities and the others.</summary>
        public decimal Quantity(int item) => Whole[item] + Quantities[item];

        public void Add(int item, decimal quantity)
        {
            if (item >= Quantities.Length)
            {
                int size = Math.Max(item + 1, Quantities.Length * 2);
                Quantities = [.. Quantities, .. new decimal[size - Quantities.Length]];
                Whole = [.. Whole, .. new long[size - Whole.Length]];
                Counted = [.. Counted, .. new bool[size - Counted.Length]];
            }
            // Whole quantities (1份, 2箱) are most: summed as integers, the rest as decimals; the two sums add up to
            // the same decimal, scale and all, as summing every quantity as a decimal.
            if (quantity.Scale == 0 && quantity is > -WholeLimit and < WholeLimit)
                Whole[item] += (long)quantity;
            else
                Quantities[item] += quantity;
            Counted[item] = true;
        }
    }

    /// <summary>A household within its building: the part of <see cref="HouseholdId"/> the building does not say.</summary>
    private readonly record struct Flat(string? Entrance, string? Room, string? Floor, string? Name)
    {
        /// <summary>
        /// Packs a flat named by numbers alone — room 1–99999 and entrance 1–999, no leading zeros, no floor or
        /// name — into one long; two flats pack alike only when their strings are alike.
        /// </summary>
        public bool TryPack(out long packed)
        {
            packed = 0;
            if (Name is not null || Floor is not null || !TryNumber(Room, 5, out long room))
                return false;
            long entrance = 0;
            if (Entrance is not null && !TryNumber(Entrance, 3, out entrance))
                return false;
            packed = entrance * 100_000 + room;
            return true;
        }

        private static bool TryNumber(string? digits, int maxLength, out long value)
        {
            value = 0;
            if (digits is null || digits.Length == 0 || digits.Length > maxLength || digits[0] == '0')
                return false;
            foreach (char c in digits)
            {
                if (!char.IsAsciiDigit(c))
                    return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }
    }

    private sealed class FlatComparer : IEqualityComparer<Flat>
    {
        public static readonly FlatComparer Instance = new();

        public bool Equals(Flat x, Flat y) =>
            string.Equals(x.Room, y.Room, StringComparison.Ordinal) && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
            && string.Equals(x.Entrance, y.Entrance, StringComparison.Ordinal) && string.Equals(x.Floor, y.Floor, StringComparison.Ordinal);

        public int GetHashCode(Flat obj) => (int)ShortStringHash.Add(ShortStringHash.Add(ShortStringHash.Add(
            ShortStringHash.Add(ShortStringHash.Seed, obj.Entrance), obj.Room), obj.Floor), obj.Name);
    }

    /// <summary>(area, building) by value, with the cheap seeded hash households use.</summary>
    private sealed class BuildingComparer : IEqualityComparer<(string?, string?)>
    {
        public static readonly BuildingComparer Instance = new();

        public bool Equals((string?, string?) x, (string?, string?) y) =>
            string.Equals(x.Item1, y.Item1, StringComparison.Ordinal) && string.Equals(x.Item2, y.Item2, StringComparison.Ordinal);

        public int GetHashCode((string?, string?) obj) => (int)ShortStringHash.Add(ShortStringHash.Add(ShortStringHash.Seed, obj.Item1), obj.Item2);
    }
}
