using ChainBot.Core.Chains;
using ChainBot.Core.Parsing.Entries;
using ChainBot.Core.Parsing.Lines;
using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Parsing;

/// <summary>
/// A run of a large post's lines that reads the same on its own as within the post (<see cref="ChainReader.ReadParts"/>):
/// parts can be read at once on several threads, and their entries and unread lines, put back in order, are the
/// post's.
/// </summary>
/// <remarks>Thread-safe: <see cref="Read"/> may be called on any thread.</remarks>
public sealed class ChainPart
{
    private readonly Source? _source;
    private readonly List<SourceLine>? _lines;
    private readonly ChainPost? _read;

    /// <summary>A part the post's reader has read already: the first, with the lines of the header.</summary>
    internal ChainPart(ChainPost read) => _read = read;

    /// <summary>A part to read: lines stripped of quotes, the first of them a numbered line.</summary>
    internal ChainPart(Source source, List<SourceLine> lines) => (_source, _lines) = (source, lines);

    /// <summary>The number of lines in the part (0 for a first part that is read already).</summary>
    public int LineCount => _lines?.Count ?? 0;

    /// <summary>Reads the part: the post's header, the part's entries in order, and its lines that could not be read.</summary>
    public ChainPost Read()
    {
        if (_read is not null)
            return _read;
        using var reader = PostReader.ForPart(_lines!, _source!);
        return reader.ReadAll();
    }

    /// <summary>What every part of one post shares; all of it immutable or thread-safe.</summary>
    internal sealed record Source(ChainHeader Header, CatalogueIndex Catalogue, Lexicon Lexicon, int MaxLineLength, WordDictionary Dictionary);
}
