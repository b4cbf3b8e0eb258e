using System.Buffers;

namespace ChainBot.Core.Segmentation;

/// <summary>
/// Cuts Chinese text into words the way jieba does with <c>HMM=False</c>: the text is split into runs of
/// <c>re_han_default</c> chars; each run becomes a DAG of every dictionary word that starts at each char; the
/// route with the highest total log-probability wins. With jieba's dict.txt the output equals
/// <c>jieba.lcut(text, HMM=False)</c> token for token.
/// </summary>
/// <remarks>
/// <para>
/// Immutable and thread-safe: <see cref="Cut(ReadOnlySpan{char}, List{Token})"/> may be called from many threads at
/// once. Each thread reuses its own route buffers, so cutting allocates nothing but the caller's token list growth.
/// </para>
/// <para>
/// The algorithm, from jieba/__init__.py (v0.42.1): <c>get_DAG</c> lists, for each start, the ends whose fragment
/// has a frequency above 0 (or the start alone); <c>calc</c> scans right to left keeping
/// <c>max((log(freq or 1) − log(total) + route[end + 1], end))</c>, so ties go to the longer word;
/// <c>__cut_DAG_NO_HMM</c> walks the route and glues consecutive single ASCII letters and digits into one token.
/// Here the DAG is never stored: scanning right to left, each start's ends are found by walking the trie and
/// scored at once, because every route value they need is already known.
/// </para>
/// </remarks>
public sealed class Segmenter
{
    private static readonly Lazy<Segmenter> s_default = new(() => new Segmenter(WordDictionary.Domain), LazyThreadSafetyMode.ExecutionAndPublication);

    // Per-thread route buffers (jieba's `route`): grown to the longest run seen (up to MaxRetainedRoute), and never
    // cleared, because every entry a cut reads it has written first (right to left).
    [ThreadStatic]
    private static double[]? t_routeLogProb;

    [ThreadStatic]
    private static int[]? t_routeEnd;

    // Runs up to this many chars use the per-thread buffers; longer ones borrow from the array pool.
    private const int MaxRetainedRoute = 1 << 14;

    private readonly PrefixTrie _trie;

    /// <summary>Creates a segmenter over <paramref name="dictionary"/>.</summary>
    public Segmenter(WordDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        Dictionary = dictionary;
        _trie = dictionary.Trie;
    }

    /// <summary>A segmenter over the built-in <see cref="WordDictionary.Domain"/> lexicon.</summary>
    public static Segmenter Default => s_default.Value;

    /// <summary>The dictionary this segmenter cuts with.</summary>
    public WordDictionary Dictionary { get; }

    /// <summary>Cuts <paramref name="text"/> and returns the words as strings (a convenience over the span API).</summary>
    public IReadOnlyList<string> Cut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>();
        Cut(text, tokens);
        var words = new string[tokens.Count];
        for (int i = 0; i < words.Length; i++)
            words[i] = text.Substring(tokens[i].Start, tokens[i].Length);
        return words;
    }

    /// <summary>
    /// Cuts <paramref name="text"/> and appends its words to <paramref name="tokens"/> as (start, length) ranges;
    /// the tokens cover the text exactly, in order.
    /// </summary>
    public void Cut(ReadOnlySpan<char> text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var han = JiebaChars.HanBlock;
        int i = 0;
        while (i < text.Length)
        {
            // re_han.split(sentence): alternate runs inside and outside re_han_default.
            int run = text[i..].IndexOfAnyExcept(han);
            if (run != 0)
            {
                int length = run < 0 ? text.Length - i : run;
                CutHanBlock(text.Slice(i, length), i, tokens);
                i += length;
                continue;
            }
            int other = text[i..].IndexOfAny(han);
            int end = other < 0 ? text.Length : i + other;
            CutOtherBlock(text, i, end, tokens);
            i = end;
        }
    }

    // Outside re_han: re_skip = (\r\n|\s) splits the block; a separator is yielded whole and everything else one
    // code point at a time. So every token is one char except "\r\n" (one token), and a surrogate pair, which is
    // one code point in Python and two chars here. Which chars Python calls \s does not change the output.
    private static void CutOtherBlock(ReadOnlySpan<char> text, int start, int end, List<Token> tokens)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            int length = 1;
            if (i + 1 < end)
            {
                char next = text[i + 1];
                if ((c == '\r' && next == '\n') || (char.IsHighSurrogate(c) && char.IsLowSurrogate(next)))
                    length = 2;
            }
            tokens.Add(new Token(i, length));
            i += length;
        }
    }

    private void CutHanBlock(ReadOnlySpan<char> block, int offset, List<Token> tokens)
    {
        int n = block.Length;
        if (n < MaxRetainedRoute)
        {
            var routeLogProb = t_routeLogProb;
            var routeEnd = t_routeEnd;
            if (routeLogProb is null || routeEnd is null || routeLogProb.Length <= n)
            {
                int size = Math.Min(Math.Max(n + 1, 256) * 2, MaxRetainedRoute);
                t_routeLogProb = routeLogProb = new double[size];
                t_routeEnd = routeEnd = new int[size];
            }
            CutHanBlock(block, offset, tokens, routeLogProb, routeEnd);
            return;
        }

        // A run longer than any chat line (a pasted document without spaces): borrow, so a thread does not keep
        // megabytes of route buffer for the rest of its life.
        double[] pooledLogProb = ArrayPool<double>.Shared.Rent(n + 1);
        int[] pooledEnd = ArrayPool<int>.Shared.Rent(n + 1);
        try
        {
            CutHanBlock(block, offset, tokens, pooledLogProb, pooledEnd);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(pooledLogProb);
            ArrayPool<int>.Shared.Return(pooledEnd);
        }
    }

    private void CutHanBlock(ReadOnlySpan<char> block, int offset, List<Token> tokens, double[] routeLogProb, int[] routeEnd)
    {
        int n = block.Length;
        var nodes = _trie.Nodes;
        double unknown = _trie.UnknownLogProb;
        routeLogProb[n] = 0.0;
        for (int k = n - 1; k >= 0; k--)
        {
            double best = double.NegativeInfinity;
            int bestEnd = -1;
            int node = _trie.RootChild(block[k]);
            int x = k;
            while (node != 0)
            {
                double logProb = nodes[node].LogProb;
                if (logProb != PrefixTrie.NotAWord)
                {
                    double candidate = logProb + routeLogProb[x + 1];
                    // Python's max over (logprob, end) tuples: on a tie the larger end wins, and ends come in
                    // increasing order here, so ">=" keeps the last (longest) of equal candidates.
                    if (candidate >= best)
                    {
                        best = candidate;
                        bestEnd = x;
                    }
                }
                if (++x == n)
                    break;
                node = _trie.Child(node, block[x]);
            }
            if (bestEnd < 0)
            {
                // No word starts here: the char alone, weighted log(1) - log(total).
                best = unknown + routeLogProb[k + 1];
                bestEnd = k;
            }
            routeLogProb[k] = best;
            routeEnd[k] = bestEnd;
        }

        // Walk the route; runs of single-char steps that are ASCII letters or digits become one token.
        int englishStart = -1;
        for (int x = 0; x < n;)
        {
            int y = routeEnd[x] + 1;
            if (y - x == 1 && JiebaChars.IsEnglish(block[x]))
            {
                if (englishStart < 0)
                    englishStart = x;
            }
            else
            {
                if (englishStart >= 0)
                {
                    tokens.Add(new Token(offset + englishStart, x - englishStart));
                    englishStart = -1;
                }
                tokens.Add(new Token(offset + x, y - x));
            }
            x = y;
        }
        if (englishStart >= 0)
            tokens.Add(new Token(offset + englishStart, n - englishStart));
    }
}
