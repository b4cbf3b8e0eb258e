namespace ChainBot.Core.Segmentation;

/// <summary>
/// The frozen prefix dictionary: a trie of UTF-16 chars whose children sit contiguously and sorted, with the
/// log-probability of every word precomputed. It answers jieba's <c>frag in FREQ</c> (is this a prefix of some
/// word) and <c>FREQ[frag]</c> (is it a word, with what weight) by walking one char at a time, with no string built.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. About 24 bytes a node: jieba's dict.txt (349k words, 498k prefixes) takes about
/// 12 MB, against well over 50 MB for a <c>Dictionary&lt;string, …&gt;</c> of every prefix.
/// </remarks>
internal sealed class PrefixTrie
{
    /// <summary>The log-probability stored for a prefix that is not a word (or a word listed with frequency 0).</summary>
    public const double NotAWord = double.NegativeInfinity;

    /// <summary>Nodes wider than this are binary-searched; narrower ones are scanned (vectorized IndexOf).</summary>
    private const int LinearSearchLimit = 32;

    /// <summary>One trie node: where its children are, and its weight as a word.</summary>
    internal struct Node
    {
        /// <summary>Id of the first child; children are <c>First .. First + Count - 1</c>, sorted by label.</summary>
        public int First;

        /// <summary>Number of children.</summary>
        public int Count;

        /// <summary><c>log(freq) - log(total)</c>, or <see cref="NotAWord"/>.</summary>
        public double LogProb;
    }

    private readonly Node[] _nodes;
    private readonly char[] _labels;
    private readonly int[] _freqs;
    private readonly ushort[] _tagIds;
    private readonly string[] _tags;
    private readonly int[] _root;

    internal PrefixTrie(Node[] nodes, char[] labels, int[] freqs, ushort[] tagIds, string[] tags, int[] root, long total, int wordCount)
    {
        _nodes = nodes;
        _labels = labels;
        _freqs = freqs;
        _tagIds = tagIds;
        _tags = tags;
        _root = root;
        Total = total;
        WordCount = wordCount;
        // jieba's fallback for a char no word starts with: log(1) - logtotal.
        UnknownLogProb = total > 0 ? -Math.Log(total) : 0.0;
    }

    /// <summary>Sum of all frequencies (jieba's <c>total</c>).</summary>
    public long Total { get; }

    /// <summary>Number of words with a frequency above 0.</summary>
    public int WordCount { get; }

    /// <summary><c>log(1) - log(total)</c>: the weight of a single char that is not a word.</summary>
    public double UnknownLogProb { get; }

    /// <summary>The node array, for the segmenter's inner loop.</summary>
    internal Node[] Nodes => _nodes;

    /// <summary>The id of the root's child for <paramref name="c"/>, or 0 when no word starts with it.</summary>
    public int RootChild(char c) => _root[c];

    /// <summary>The id of <paramref name="node"/>'s child for <paramref name="c"/>, or 0 when there is none.</summary>
    public int Child(int node, char c)
    {
        ref readonly Node n = ref _nodes[node];
        int count = n.Count;
        if (count == 0)
            return 0;
        var labels = new ReadOnlySpan<char>(_labels, n.First, count);
        int i = count <= LinearSearchLimit ? labels.IndexOf(c) : labels.BinarySearch(c);
        return i >= 0 ? n.First + i : 0;
    }

    /// <summary>The node for <paramref name="word"/>, or 0 when it is not even a prefix.</summary>
    public int Find(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            return 0;
        int node = _root[word[0]];
        for (int i = 1; i < word.Length && node != 0; i++)
            node = Child(node, word[i]);
        return node;
    }

    /// <summary>The frequency of <paramref name="word"/>; 0 when it is a prefix only, or absent.</summary>
    public int FrequencyOf(ReadOnlySpan<char> word)
    {
        int node = Find(word);
        return node == 0 ? 0 : Math.Max(_freqs[node], 0);
    }

    /// <summary>True when <paramref name="word"/> is a word (frequency above 0); <paramref name="tag"/> is its tag, if any.</summary>
    public bool TryGetTag(ReadOnlySpan<char> word, out string? tag)
    {
        int node = Find(word);
        if (node == 0 || _freqs[node] <= 0)
        {
            tag = null;
            return false;
        }
        int t = _tagIds[node];
        tag = t == 0 ? null : _tags[t - 1];
        return true;
    }

    /// <summary>
    /// Replays every listed entry (frequency 0 included) into <paramref name="builder"/>, depth first. The builder's
    /// total then counts each word once; the caller sets the total it means (jieba counts duplicates too).
    /// </summary>
    public void CopyTo(PrefixTrieBuilder builder)
    {
        var word = new char[64];
        var stack = new Stack<(int Node, int Depth)>();
        var root = _nodes[0];
        for (int i = root.Count - 1; i >= 0; i--)
            stack.Push((root.First + i, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (depth == word.Length)
                Array.Resize(ref word, word.Length * 2);
            word[depth] = _labels[node];
            int f = _freqs[node];
            if (f >= 0)
            {
                int t = _tagIds[node];
                builder.Add(word.AsSpan(0, depth + 1), f, t == 0 ? null : _tags[t - 1]);
            }
            ref readonly Node n = ref _nodes[node];
            for (int i = n.Count - 1; i >= 0; i--)
                stack.Push((n.First + i, depth + 1));
        }
    }
}
