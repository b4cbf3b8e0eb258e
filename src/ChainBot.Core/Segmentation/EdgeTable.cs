namespace ChainBot.Core.Segmentation;

/// <summary>
/// The (parent node, char) → child map a <see cref="PrefixTrieBuilder"/> inserts through: open addressing with
/// linear probing over two flat arrays, 12 bytes a slot. jieba's dict.txt needs half a million edges; a
/// <c>Dictionary&lt;long, int&gt;</c> would take about 28 bytes each and an object graph the GC must walk.
/// </summary>
/// <remarks>Not thread-safe; lives only while a dictionary is being built.</remarks>
internal sealed class EdgeTable
{
    private const double MaxLoad = 0.6;

    private long[] _keys; // 0 = empty; a key is never 0 because only nodes ≥ 1 have edges here
    private int[] _values;
    private int _count;
    private int _shift;

    /// <summary>Creates a table sized for about <paramref name="expected"/> edges without growing.</summary>
    public EdgeTable(int expected)
    {
        int capacity = 16;
        while (capacity * MaxLoad < expected)
            capacity *= 2;
        _keys = new long[capacity];
        _values = new int[capacity];
        _shift = 64 - int.Log2(capacity);
    }

    /// <summary>The child of <paramref name="parent"/> labelled <paramref name="c"/>, or 0.</summary>
    public int Get(int parent, char c)
    {
        long key = Key(parent, c);
        int mask = _keys.Length - 1;
        for (int i = Slot(key); ; i = (i + 1) & mask)
        {
            long k = _keys[i];
            if (k == key)
                return _values[i];
            if (k == 0)
                return 0;
        }
    }

    /// <summary>Records <paramref name="child"/> as <paramref name="parent"/>'s child for <paramref name="c"/> (not yet present).</summary>
    public void Add(int parent, char c, int child)
    {
        if (_count + 1 > _keys.Length * MaxLoad)
            Grow();
        Insert(Key(parent, c), child);
        _count++;
    }

    private void Insert(long key, int value)
    {
        int mask = _keys.Length - 1;
        int i = Slot(key);
        while (_keys[i] != 0)
            i = (i + 1) & mask;
        _keys[i] = key;
        _values[i] = value;
    }

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[keys.Length * 2];
        _shift--;
        for (int i = 0; i < keys.Length; i++)
        {
            if (keys[i] != 0)
                Insert(keys[i], values[i]);
        }
    }

    private static long Key(int parent, char c) => ((long)parent << 16) | c;

    // Fibonacci hashing: the top bits of key × 2^64/φ spread consecutive node ids and chars over the table.
    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);
}
