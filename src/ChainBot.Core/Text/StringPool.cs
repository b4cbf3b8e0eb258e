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

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Numbers 0–9999 written without a leading zero: buildings, entrances and rooms, shared by every parse.</summary>
    private static readonly string?[] SmallNumbers = new string?[10_000];

    /// <summary>The pooled string equal to <paramref name="value"/>.</summary>
    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
            return string.Empty;
        if (value.Length <= 4 && value[0] is >= '1' and <= '9' && CharKinds.LeadingDigits(value) == value.Length)
        {
            // Building 12, room 301: found by value, without hashing. A race only builds the same string twice.
            int number = 0;
            foreach (char c in value)
                number = number * 10 + (c - '0');
            return SmallNumbers[number] ??= value.ToString();
        }
        if (value.Length > MaxPooledLength)
            return value.ToString();
        if (_lookup.TryGetValue(value, out string? pooled))
            return pooled;
        string created = value.ToString();
        if (_strings.Count < MaxEntries)
            _strings.Add(created);
        return created;
    }
}
