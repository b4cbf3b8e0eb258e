namespace ChainBot.Core.Text;

/// <summary>
/// Hands out one string instance per distinct value (building "12", room "301", 王阿姨), so a chain of thousands
/// of entries holds each value once. Not thread-safe: one per parse.
/// </summary>
internal sealed class StringPool
{
    /// <summary>Values longer than this are rarely repeated; they are not pooled.</summary>
    private const int MaxPooledLength = 16;

    /// <summary>A bound on the pool, so hostile input cannot grow it without end.</summary>
    private const int MaxEntries = 65_536;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The size of <see cref="_recent"/>, a power of two.</summary>
    private const int RecentSlots = 1024;

    /// <summary>The string last handed out for each slot of <see cref="RecentSlot"/>.</summary>
    private readonly string?[] _recent = new string?[RecentSlots];

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Numbers 0–9999 written without a leading zero: buildings, entrances and rooms, shared by every parse.</summary>
    private static readonly string?[] SmallNumbers = new string?[10_000];

    private static int RecentSlot(ReadOnlySpan<char> value) =>
        (int)((((uint)value[0] * 31 + value[^1]) * 31 + (uint)value.Length) & (RecentSlots - 1));

    /// <summary>The pooled string equal to <paramref name="value"/>.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
            return string.Empty;
        // Building 12, room 301: found by value, without hashing. A race only builds the same string twice.
        int number = CharKinds.PlainNumber(value, maxDigits: 4);
        if (number >= 0)
            return SmallNumbers[number] ??= value.ToString();
        if (value.Length > MaxPooledLength)
            return value.ToString();
        // The same few names and areas recur line after line: a slot picked by length and end characters finds them
        // with one short compare, before the set hashes the whole value.
        ref string? recent = ref _recent[RecentSlot(value)];
        if (recent is not null && value.SequenceEqual(recent))
            return recent;
        if (_lookup.TryGetValue(value, out string? pooled))
            return recent = pooled;
        string created = value.ToString();
        recent = created;
        if (_strings.Count < MaxEntries)
            _strings.Add(created);
        return created;
    }
}
