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
