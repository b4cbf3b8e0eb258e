using System.Runtime.CompilerServices;

namespace ChainBot.Core.Segmentation;

/// <summary>
/// Collects words into a growable trie and freezes it into a <see cref="PrefixTrie"/>. jieba's
/// <c>gen_pfdict</c> semantics: a later entry for the same word replaces its frequency (and its tag, when it has
/// one), while <see cref="Total"/> adds every entry's frequency, duplicates included, as <c>ltotal += freq</c> does.
/// </summary>
/// <remarks>Not thread-safe; used by one load at a time.</remarks>
internal sealed class PrefixTrieBuilder
{
    private const int NotListed = -1;

    // Children of the root are looked up in a table indexed by char: the root has thousands of children
    // (one per distinct first char) and every word starts there. Deeper nodes have few children and share
    // one hash of (parent, char) edges.
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];
    private readonly EdgeTable _edges;
    private readonly List<string> _tags = [];
    private readonly Dictionary<string, int> _tagIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tagIdsBySpan;
    private char[] _label;
    private int[] _parent;
    private int[] _freq;
    private ushort[] _tag;
    private int _count = 1; // node 0 is the root

    /// <summary>Creates a builder sized for about <paramref name="expectedNodes"/> trie nodes.</summary>
    public PrefixTrieBuilder(int expectedNodes = 1024)
    {
        int capacity = Math.Max(expectedNodes, 16);
        _edges = new EdgeTable(capacity);
        _label = new char[capacity];
        _parent = new int[capacity];
        _freq = new int[capacity];
        _tag = new ushort[capacity];
        _freq[0] = NotListed;
        _tagIds = new Dictionary<string, int>(StringComparer.Ordinal);
        _tagIdsBySpan = _tagIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>
    /// Sum of the frequencies of every entry added, duplicates included (jieba's <c>total</c>). Settable so that
    /// a merge can carry over totals that counted duplicates the trie no longer holds.
    /// </summary>
    public long Total { get; set; }

    /// <summary>Adds one dictionary entry.</summary>
    /// <param name="word">The word; not empty.</param>
    /// <param name="freq">Its frequency; 0 lists the word without making it a word (jieba's <c>del_word</c>).</param>
    /// <param name="tag">Its part-of-speech tag, or null to keep the tag it already has.</param>
    public void Add(ReadOnlySpan<char> word, int freq, string? tag) => Add(word, freq, tag.AsSpan());

    /// <summary>Adds one dictionary entry; an empty <paramref name="tag"/> keeps the tag the word already has.</summary>
    /// <remarks>Takes the tag as a span so a load does not allocate a string per line for a handful of distinct tags.</remarks>
    public void Add(ReadOnlySpan<char> word, int freq, ReadOnlySpan<char> tag)
    {
        int node = NodeFor(word);
        _freq[node] = freq;
        if (!tag.IsEmpty)
            _tag[node] = TagId(tag);
        Total += freq;
    }

    /// <summary>Gives <paramref name="word"/> a new tag without counting it again towards <see cref="Total"/>.</summary>
    public void Retag(ReadOnlySpan<char> word, string tag)
    {
        int node = NodeFor(word);
        if (_freq[node] == NotListed)
            _freq[node] = 0;
        _tag[node] = TagId(tag);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // load-once code: go straight to optimized code
    private int NodeFor(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
            throw new ArgumentException("A dictionary word cannot be empty.", nameof(word));

        ref int rootSlot = ref _rootChildren[word[0]];
        if (rootSlot == 0)
            rootSlot = NewNode(0, word[0]);
        int node = rootSlot;
        for (int i = 1; i < word.Length; i++)
        {
            int child = _edges.Get(node, word[i]);
            if (child == 0)
            {
                child = NewNode(node, word[i]);
                _edges.Add(node, word[i], child);
            }
            node = child;
        }
        return node;
    }

    private int NewNode(int parent, char label)
    {
        if (_count == _label.Length)
        {
            int size = _label.Length * 2;
            Array.Resize(ref _label, size);
            Array.Resize(ref _parent, size);
            Array.Resize(ref _freq, size);
            Array.Resize(ref _tag, size);
        }
        int id = _count++;
        _label[id] = label;
        _parent[id] = parent;
        _freq[id] = NotListed;
        _tag[id] = 0;
        return id;
    }

    private ushort TagId(ReadOnlySpan<char> tag)
    {
        if (_tagIdsBySpan.TryGetValue(tag, out int id))
            return (ushort)id;
        if (_tags.Count == ushort.MaxValue - 1)
            throw new InvalidOperationException($"A dictionary holds at most {ushort.MaxValue - 1} distinct tags.");
        string name = tag.ToString();
        _tags.Add(name);
        id = _tags.Count; // 0 means "no tag"
        _tagIds.Add(name, id);
        return (ushort)id;
    }

    /// <summary>Freezes the words into an immutable trie with children stored contiguously and sorted by char.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PrefixTrie Build()
    {
        int n = _count;

        // Bucket the nodes by parent (a counting sort over parent ids): every node's children then sit side by
        // side and a node's new id is its position, so children are addressed as (first, count).
        // Parent p's children take new ids blockStart[p] .. blockStart[p + 1] - 1; id 0 stays the root.
        var blockStart = new int[n + 1];
        for (int i = 1; i < n; i++)
            blockStart[_parent[i] + 1]++;
        blockStart[0] = 1;
        for (int p = 0; p < n; p++)
            blockStart[p + 1] += blockStart[p];

        var cursor = new int[n];
        Array.Copy(blockStart, cursor, n);
        var order = new int[n]; // new id → old id
        for (int i = 1; i < n; i++)
            order[cursor[_parent[i]]++] = i;

        // Sort each block by char so that lookups can binary-search wide nodes; the labels, in new-id order,
        // are the trie's label array as they stand.
        var labels = new char[n];
        for (int j = 1; j < n; j++)
            labels[j] = _label[order[j]];
        for (int p = 0; p < n; p++)
        {
            int count = blockStart[p + 1] - blockStart[p];
            if (count > 1)
                Array.Sort(labels, order, blockStart[p], count);
        }

        var newId = cursor; // the cursors are spent; reuse the array for old id → new id
        newId[0] = 0;
        for (int j = 1; j < n; j++)
            newId[order[j]] = j;

        double logTotal = Total > 0 ? Math.Log(Total) : 0.0;
        var nodes = new PrefixTrie.Node[n];
        var freqs = new int[n];
        var tags = new ushort[n];
        int words = 0;
        for (int old = 0; old < n; old++)
        {
            int id = newId[old];
            int f = _freq[old];
            nodes[id] = new PrefixTrie.Node
            {
                First = blockStart[old],
                Count = blockStart[old + 1] - blockStart[old],
                // log(freq) - log(total) once here, in the same order of operations as jieba's calc
                // (log(freq) - logtotal, then + route), so the sums match Python's bit for bit.
                LogProb = f > 0 ? Math.Log(f) - logTotal : PrefixTrie.NotAWord,
            };
            freqs[id] = f;
            tags[id] = _tag[old];
            if (f > 0)
                words++;
        }

        var root = new int[char.MaxValue + 1];
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (_rootChildren[c] != 0)
                root[c] = newId[_rootChildren[c]];
        }

        return new PrefixTrie(nodes, labels, freqs, tags, [.. _tags], root, Total, words);
    }
}
