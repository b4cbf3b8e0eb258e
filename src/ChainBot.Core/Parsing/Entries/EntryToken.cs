namespace ChainBot.Core.Parsing.Entries;

/// <summary>What a piece of an entry's text is, once address, phone, brackets and markers are taken out.</summary>
internal enum EntryTokenKind
{
    /// <summary>A catalogue item (by name, part of a name, or code).</summary>
    Item,

    /// <summary>A quantity.</summary>
    Quantity,

    /// <summary>各: the quantity after it applies to each item.</summary>
    Each,

    /// <summary>Any other run of text: a name, a note, or (in a roster) the thing asked for.</summary>
    Word,
}

/// <summary>One piece of an entry's text.</summary>
internal struct EntryToken
{
    public EntryTokenKind Kind;
    public int Start;
    public int End;
    public int Item;
    public QuantityToken Quantity;
    public bool Used;
}

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
