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

    public bool Contains(int id)
    {
        int word = (id - 1) >> 6;
        return word < _bits.Length && (_bits[word] & (1UL << ((id - 1) & 63))) != 0;
    }

    public ImmutableArray<ulong> ToImmutable() => [.. _bits];
}
