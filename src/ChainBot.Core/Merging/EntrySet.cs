using System.Collections.Immutable;

namespace ChainBot.Core.Merging;

/// <summary>A set of entry ids as bits: which entries one copy carried.</summary>
internal sealed class EntrySet
{
    private ulong[] _bits;

    public EntrySet(int capacity) => _bits = new ulong[Math.Max(1, (capacity + 63) >> 6)];

    public void Add(int id)
    {
        int word = (id - 1) >> 6;
        if (word >= _bits.Length)
            Array.Resize(ref _bits, Math.Max(word + 1, _bits.Length * 2));
        _bits[word] |= 1UL << ((id - 1) & 63);
    }

    public bool Contains(int id) => (id - 1) >> 6 < _bits.Length && (_bits[(id - 1) >> 6] & (1UL << ((id - 1) & 63))) != 0;

    public ImmutableArray<ulong> ToImmutable() => [.. _bits];

    /// <summary>The union of two frozen sets.</summary>
    public static ImmutableArray<ulong> Union(ImmutableArray<ulong> a, ImmutableArray<ulong> b)
    {
        var union = new ulong[Math.Max(a.Length, b.Length)];
        for (int i = 0; i < union.Length; i++)
            union[i] = (i < a.Length ? a[i] : 0) | (i < b.Length ? b[i] : 0);
        return [.. union];
    }

    /// <summary>Whether the frozen set <paramref name="bits"/> holds entry <paramref name="id"/>.</summary>
    public static bool Contains(ImmutableArray<ulong> bits, int id) =>
        (id - 1) >> 6 < bits.Length && (bits[(id - 1) >> 6] & (1UL << ((id - 1) & 63))) != 0;
}
