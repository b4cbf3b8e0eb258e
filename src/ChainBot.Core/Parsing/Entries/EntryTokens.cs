namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// The tokens of the entry being read, in a buffer kept from entry to entry. Emptied without clearing: the next
/// entry's tokens overwrite the slots (a list cleared its tokens, units and all, on every entry).
/// </summary>
internal sealed class EntryTokens
{
    private EntryToken[] _items = new EntryToken[16];

    public int Count { get; private set; }

    /// <summary>The last token read.</summary>
    public ref readonly EntryToken Last => ref _items[Count - 1];

    /// <summary>The tokens, to be read and marked in place.</summary>
    public Span<EntryToken> AsSpan() => _items.AsSpan(0, Count);

    public void Add(in EntryToken token)
    {
        if (Count == _items.Length)
            Array.Resize(ref _items, Count * 2);
        _items[Count++] = token;
    }

    public void RemoveLast() => Count--;

    public void Clear() => Count = 0;
}
