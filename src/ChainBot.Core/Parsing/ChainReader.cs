using System.Collections.Immutable;
using ChainBot.Core.Chains;

namespace ChainBot.Core.Parsing;

/// <summary>
/// A chain post read as a stream (<see cref="ChainParser.Open"/>): the header, then the entries one at a time,
/// then the lines that could not be read. Holds only the entry being read, so a chain of any size fits.
/// </summary>
/// <remarks>Single use and not thread-safe.</remarks>
public sealed class ChainReader : IDisposable
{
    private readonly PostReader _reader;
    private bool _enumerated;

    internal ChainReader(PostReader reader) => _reader = reader;

    /// <summary>The header (read up to the first entry).</summary>
    public ChainHeader Header => _reader.Header;

    /// <summary>Order or roster, from the header's catalogue.</summary>
    public ChainKind Kind => Header.Catalogue.IsDefaultOrEmpty ? ChainKind.Roster : ChainKind.Order;

    /// <summary>The entries, read as they are enumerated; can be enumerated once.</summary>
    public IEnumerable<ChainEntry> ReadEntries()
    {
        if (_enumerated)
            throw new InvalidOperationException("The entries of a chain stream can be read once.");
        _enumerated = true;
        return Entries();
    }

    /// <summary>
    /// The post after its header in parts of about <paramref name="minLines"/> lines, cut before numbered lines, to be
    /// read on several threads (<see cref="ChainPart.Read"/>); their entries and unread lines, in order, are the
    /// post's. The first part is read already. Either this or <see cref="ReadEntries"/>, once.
    /// </summary>
    /// <param name="minLines">The fewest lines in a part but the last.</param>
    public IEnumerable<ChainPart> ReadParts(int minLines = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLines, 1);
        if (_enumerated)
            throw new InvalidOperationException("The entries of a chain stream can be read once.");
        _enumerated = true;
        return _reader.Parts(minLines);
    }

    private IEnumerable<ChainEntry> Entries()
    {
        while (_reader.TryRead(out var entry))
            yield return entry;
    }

    /// <summary>
    /// The lines that could not be read; complete once the entries have been read to the end. Read in parts, each part
    /// has its own, and these are the first part's.
    /// </summary>
    public ImmutableArray<UnreadLine> Unread => _reader.Unread;

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();
}
