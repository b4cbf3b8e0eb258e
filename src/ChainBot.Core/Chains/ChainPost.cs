using System.Collections.Immutable;

namespace ChainBot.Core.Chains;

/// <summary>
/// One 接龙 post as the parser read it: the header, the numbered entries, and every line it could not read.
/// </summary>
/// <param name="Header">Everything above the first entry: title, catalogue, deadline, pickup, example.</param>
/// <param name="Entries">The entries in the order they stand in the post.</param>
/// <param name="Unread">Lines that are neither header nor a readable entry, each with its reason.</param>
/// <remarks>Immutable, and so safe to share between threads.</remarks>
public sealed record ChainPost(ChainHeader Header, ImmutableArray<ChainEntry> Entries, ImmutableArray<UnreadLine> Unread)
{
    /// <summary>An order chain has a catalogue of items; a roster (登记, 报名) has none.</summary>
    public ChainKind Kind => Header.Catalogue.IsDefaultOrEmpty ? ChainKind.Roster : ChainKind.Order;

    /// <summary>True when the text held a header and at least one entry: what a chain post looks like.</summary>
    public bool IsChain => !Entries.IsDefaultOrEmpty;
}
