using System.Collections.Immutable;
using ChainBot.Core.Chains;
using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// What the segmenter's dictionary knows about words in an entry: whether a word is goods (tag <c>n</c>) or a
/// medicine (<c>nmed</c>), and where goods begin in a word glued to a name (刘氨氯地平 → 刘 | 氨氯地平).
/// The segmenter, with the post's catalogue added, is built only when a line needs it.
/// </summary>
/// <remarks>Thread-safe.</remarks>
internal sealed class Lexicon(WordDictionary dictionary, ImmutableArray<CatalogueItem> catalogue)
{
    [ThreadStatic]
    private static List<Token>? t_tokens;

    private Segmenter? _segmenter;

    // The parts of a large post are read on several threads with one lexicon: two may build the segmenter at once,
    // and one of the two equal segmenters is kept.
    private Segmenter Segmenter => LazyInitializer.EnsureInitialized(ref _segmenter, () => new Segmenter(
        catalogue.IsDefaultOrEmpty ? dictionary : dictionary.WithWords(catalogue.Select(i => i.Name), "n")));

    /// <summary>True when <paramref name="word"/> is goods or a medicine in the dictionary.</summary>
    public bool IsGoods(ReadOnlySpan<char> word) => dictionary.TryGetTag(word, out string? tag) && IsGoodsTag(tag);

    /// <summary>
    /// Where the goods at the end of <paramref name="word"/> begin, when the word is a name glued to them
    /// (刘氨氯地平 → 1); -1 when it does not end in goods or is goods throughout.
    /// </summary>
    public int GoodsSuffixStart(ReadOnlySpan<char> word)
    {
        var tokens = t_tokens ??= [];
        tokens.Clear();
        Segmenter.Cut(word, tokens);
        int start = -1;
        for (int k = tokens.Count - 1; k >= 0; k--)
        {
            var piece = word.Slice(tokens[k].Start, tokens[k].Length);
            if (!Segmenter.Dictionary.TryGetTag(piece, out string? tag) || !IsGoodsTag(tag))
                break;
            start = tokens[k].Start;
        }
        return start > 0 ? start : -1;
    }

    private static bool IsGoodsTag(string? tag) => tag is "n" or "nmed";
}
