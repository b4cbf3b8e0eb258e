using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ChainBot.Core.Segmentation;

/// <summary>
/// The prefix dictionary (词典) a <see cref="Segmenter"/> cuts with: words, their frequencies and tags, in jieba's
/// <c>word freq [tag]</c> format. Load jieba's own dict.txt with <see cref="Load(string)"/>, or use the built-in
/// <see cref="Domain"/> lexicon of groceries, medicines, units, honorifics, surnames and chain vocabulary.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe: <see cref="WithWords"/> and <see cref="Merge"/> return new dictionaries.</para>
/// <para>
/// Stored as a trie of chars with each word's <c>log(freq) − log(total)</c> computed once at load, so cutting
/// never calls <see cref="Math.Log(double)"/> nor builds a string. jieba's dict.txt (349k words) loads in about a
/// tenth of a second into about 12 MB.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The name is jieba's (WordDictionary in its ports) and the team's pinned API; it is a dictionary of words.")]
public sealed class WordDictionary
{
    private const string LexiconResourcePrefix = "ChainBot.Core.Segmentation.Lexicon.";

    private static readonly Lazy<WordDictionary> s_domain = new(LoadDomain, LazyThreadSafetyMode.ExecutionAndPublication);

    private WordDictionary(PrefixTrie trie) => Trie = trie;

    /// <summary>The built-in domain lexicon (the embedded <c>Segmentation/Lexicon/*.txt</c>, read in name order).</summary>
    /// <exception cref="DictionaryFormatException">A lexicon file is broken (a build defect, reported every time).</exception>
    public static WordDictionary Domain => s_domain.Value;

    /// <summary>Number of words (entries with a frequency above 0).</summary>
    public int Count => Trie.WordCount;

    /// <summary>Sum of the frequencies of all entries, as jieba counts it (a duplicated line counts twice).</summary>
    public long Total => Trie.Total;

    /// <summary>The frozen trie the segmenter walks.</summary>
    internal PrefixTrie Trie { get; }

    /// <summary>Loads a dictionary file in jieba's format (UTF-8, a BOM is tolerated).</summary>
    /// <param name="path">The file, e.g. jieba's <c>dict.txt</c> or a user dictionary.</param>
    /// <exception cref="DictionaryFormatException">A line cannot be read, or the file is not UTF-8; the message names the file and line.</exception>
    public static WordDictionary Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = new StreamReader(path, DictionaryReader.StrictUtf8, detectEncodingFromByteOrderMarks: true);
        return Load(reader, path);
    }

    /// <summary>Loads a dictionary in jieba's format from <paramref name="reader"/>.</summary>
    /// <param name="reader">The text; read to the end, not disposed.</param>
    /// <param name="sourceName">Names the source in error messages (a path, a resource name).</param>
    /// <exception cref="DictionaryFormatException">A line cannot be read; the message names <paramref name="sourceName"/> and the line.</exception>
    public static WordDictionary Load(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        return LoadAll([(reader, sourceName)]);
    }

    private static WordDictionary LoadAll(IReadOnlyList<(TextReader Reader, string SourceName)> sources)
    {
        int expectedNodes = sources.Sum(s => DictionaryReader.EstimateNodes(s.Reader));
        var builder = new PrefixTrieBuilder(Math.Max(expectedNodes, 1024));
        var pending = new List<DictionaryReader.PendingWord>();
        foreach (var (reader, sourceName) in sources)
            DictionaryReader.Read(reader, sourceName, builder, pending);
        var dictionary = new WordDictionary(builder.Build());
        return pending.Count == 0 ? dictionary : dictionary.WithSuggested(pending);
    }

    private static WordDictionary LoadDomain()
    {
        var assembly = typeof(WordDictionary).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(LexiconResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (names.Length == 0)
            throw new InvalidOperationException($"No embedded lexicon ({LexiconResourcePrefix}*.txt) in {assembly.GetName().Name}.");

        var readers = names.Select(name => (Reader: (TextReader)new StreamReader(OpenResource(assembly, name), DictionaryReader.StrictUtf8), SourceName: name)).ToArray();
        try
        {
            return LoadAll(readers);
        }
        finally
        {
            foreach (var (reader, _) in readers)
                reader.Dispose();
        }
    }

    private static Stream OpenResource(Assembly assembly, string name)
        => assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Embedded lexicon {name} cannot be opened.");

    /// <summary>True when <paramref name="word"/> is a word of this dictionary; <paramref name="tag"/> is its tag (null when it has none).</summary>
    public bool TryGetTag(ReadOnlySpan<char> word, out string? tag) => Trie.TryGetTag(word, out tag);

    /// <summary>
    /// A new dictionary with <paramref name="words"/> added, e.g. the items a chain's header names, so that
    /// <c>有机菜心</c> is cut whole even when no lexicon has it.
    /// </summary>
    /// <param name="words">The words. A word already in the dictionary keeps its frequency (and takes <paramref name="tag"/>, if given).</param>
    /// <param name="tag">The tag to give them, or null for none.</param>
    /// <remarks>
    /// A new word gets jieba's <c>suggest_freq(word)</c>: just enough that the word beats the way this dictionary
    /// cuts it now, <c>max(⌊Π freq(piece)/total × total⌋ + 1, 1)</c>; every suggestion is made against this
    /// dictionary, so the order of <paramref name="words"/> does not matter.
    /// </remarks>
    public WordDictionary WithWords(IEnumerable<string> words, string? tag = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        var pending = new List<DictionaryReader.PendingWord>();
        foreach (string word in words)
        {
            ArgumentException.ThrowIfNullOrEmpty(word, nameof(words));
            pending.Add(new DictionaryReader.PendingWord(word, tag));
        }
        return pending.Count == 0 ? this : WithSuggested(pending);
    }

    private WordDictionary WithSuggested(List<DictionaryReader.PendingWord> pending)
    {
        var segmenter = new Segmenter(this);
        var tokens = new List<Token>();
        var added = new Dictionary<string, (int Freq, string? Tag)>(StringComparer.Ordinal);
        var retagged = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (word, tag) in pending)
        {
            if (Trie.FrequencyOf(word) > 0)
            {
                if (tag is not null)
                    retagged[word] = tag;
                continue;
            }
            if (added.TryGetValue(word, out var seen))
            {
                added[word] = (seen.Freq, tag ?? seen.Tag);
                continue;
            }
            added[word] = (SuggestFrequency(segmenter, word, tokens), tag);
        }
        if (added.Count == 0 && retagged.Count == 0)
            return this;

        var builder = new PrefixTrieBuilder(Trie.Nodes.Length + (added.Count * 4));
        Trie.CopyTo(builder);
        long total = Total;
        foreach (var (word, (freq, tag)) in added)
        {
            builder.Add(word, freq, tag);
            total += freq;
        }
        foreach (var (word, tag) in retagged)
            builder.Retag(word, tag);
        builder.Total = total;
        return new WordDictionary(builder.Build());
    }

    // jieba's suggest_freq(word, tune=False): the product of the pieces' probabilities as this dictionary cuts the
    // word, turned back into a count and bumped by one so the whole word wins. A piece that is not a word counts as
    // frequency 1, as calc's `or 1` does.
    private int SuggestFrequency(Segmenter segmenter, string word, List<Token> tokens)
    {
        double total = Math.Max(Total, 1);
        double p = 1.0;
        tokens.Clear();
        segmenter.Cut(word, tokens);
        foreach (var token in tokens)
            p *= Math.Max(Trie.FrequencyOf(word.AsSpan(token.Start, token.Length)), 1) / total;
        double suggested = Math.Floor(p * total) + 1;
        return suggested >= int.MaxValue ? int.MaxValue : Math.Max((int)suggested, 1);
    }

    /// <summary>
    /// A new dictionary holding this one's words and <paramref name="other"/>'s, e.g. <see cref="Domain"/> merged with
    /// a user's <c>--dict</c>. Where both have a word, <paramref name="other"/>'s frequency wins (and its tag, when it
    /// has one), as when jieba loads a user dictionary over its main one; the totals add up.
    /// </summary>
    public WordDictionary Merge(WordDictionary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var builder = new PrefixTrieBuilder(Trie.Nodes.Length + other.Trie.Nodes.Length);
        Trie.CopyTo(builder);
        other.Trie.CopyTo(builder);
        builder.Total = Total + other.Total;
        return new WordDictionary(builder.Build());
    }
}
