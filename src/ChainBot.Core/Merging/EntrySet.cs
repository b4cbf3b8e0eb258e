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

    public void UnionWith(ImmutableArray<ulong> other)
    {
        if (other.Length > _bits.Length)
            Array.Resize(ref _bits, other.Length);
        for (int i = 0; i < other.Length; i++)
            _bits[i] |= other[i];
    }

    public ImmutableArray<ulong> ToImmutable() => [.. _bits];

    /// <summary>Whether the frozen set <paramref name="bits"/> holds entry <paramref name="id"/>.</summary>
    public static bool Contains(ImmutableArray<ulong> bits, int id) =>
        (id - 1) >> 6 < bits.Length && (bits[(id - 1) >> 6] & (1UL << ((id - 1) & 63))) != 0;
}
