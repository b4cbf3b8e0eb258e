using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Tests.Segmentation;

/// <summary>
/// The cut rules of jieba's <c>lcut(text, HMM=False)</c>, each on a dictionary small enough to reason about.
/// Every expectation here was checked against Python's jieba with the same dictionary.
/// </summary>
public class SegmenterTests
{
    // Probabilities are chosen so that 甲乙/丙 and 甲/乙丙 sum to exactly the same log-probability
    // (a + b == b + a in IEEE arithmetic): the tie must go to the longer first word, as Python's
    // max over (logprob, end) tuples does. cppjieba keeps the first best instead and differs here.
    private const string TieDictionary = "甲 10 n\n丙 10 n\n甲乙 20 n\n乙丙 20 n\n丁 5 x\nab 50 eng\n";

    private static readonly Segmenter s_tie = new(WordDictionary.Load(new StringReader(TieDictionary), "tie.txt"));

    private static string Cut(Segmenter segmenter, string text) => string.Join("/", segmenter.Cut(text));

    [TestCase("甲乙丙", "甲乙/丙")]
    [TestCase("甲乙丙丁", "甲乙/丙/丁")]
    [TestCase("乙丙甲乙", "乙丙/甲乙")]
    [TestCase("甲乙丁", "甲乙/丁")]
    public void Ties_go_to_the_longer_word(string text, string expected) => Assert.That(Cut(s_tie, text), Is.EqualTo(expected));

    [Test]
    public void A_likelier_route_beats_a_longer_word()
    {
        var segmenter = new Segmenter(WordDictionary.Load(new StringReader("甲 1000\n乙 1000\n甲乙 1\n"), "likely.txt"));
        Assert.That(Cut(segmenter, "甲乙"), Is.EqualTo("甲/乙"));
    }

    [Test]
    public void A_prefix_that_is_not_a_word_is_never_a_candidate()
    {
        // 甲乙丙 makes 甲乙 a prefix (frequency 0) but not a word: 甲乙 must not be cut whole.
        var segmenter = new Segmenter(WordDictionary.Load(new StringReader("甲乙丙 5\n"), "prefix.txt"));
        Assert.That(Cut(segmenter, "甲乙"), Is.EqualTo("甲/乙"));
        Assert.That(Cut(segmenter, "甲乙丙"), Is.EqualTo("甲乙丙"));
    }

    [TestCase("xaby", "x/ab/y")]
    [TestCase("xab1", "x/ab/1")]
    [TestCase("甲ab丙", "甲/ab/丙")]
    [TestCase("aab", "a/ab")]
    [TestCase("12ab34", "12/ab/34")]
    [TestCase("abab", "ab/ab")]
    [TestCase("abc甲乙丙123", "ab/c/甲乙/丙/123")]
    [TestCase("cba甲乙丙123", "cba/甲乙/丙/123")]
    [TestCase("1.5甲", "1/./5/甲")]
    [TestCase("a_b-c", "a/_/b/-/c")]
    public void Single_ascii_letters_and_digits_are_glued_but_dictionary_words_stay_apart(string text, string expected)
        => Assert.That(Cut(s_tie, text), Is.EqualTo(expected));

    [TestCase("，。！", "，/。/！")]
    [TestCase("（代）", "（/代/）")]
    [TestCase("ＡＢＣ", "Ａ/Ｂ/Ｃ")]
    [TestCase("¥45", "¥/45")]
    [TestCase("é", "é")]
    public void Text_outside_the_han_class_comes_out_one_char_at_a_time(string text, string expected)
        => Assert.That(Cut(s_tie, text), Is.EqualTo(expected));

    [TestCase("a  b", new[] { "a", " ", " ", "b" })]
    [TestCase("a\t\tb", new[] { "a", "\t", "\t", "b" })]
    [TestCase("x\u3000y", new[] { "x", "\u3000", "y" })]
    [TestCase("a\r\nb", new[] { "a", "\r\n", "b" })]
    [TestCase("\r\r\n\n\r", new[] { "\r", "\r\n", "\n", "\r" })]
    [TestCase("\n\r", new[] { "\n", "\r" })]
    [TestCase(" ", new[] { " " })]
    public void Whitespace_is_one_token_a_char_except_crlf(string text, string[] expected)
        => Assert.That(s_tie.Cut(text), Is.EqualTo(expected));

    [Test]
    public void A_surrogate_pair_is_one_token()
    {
        const string text = "a😀b😀😀\U00020000";
        var tokens = new List<Token>();
        s_tie.Cut(text, tokens);
        Assert.That(tokens, Is.EqualTo(new[] { new Token(0, 1), new Token(1, 2), new Token(3, 1), new Token(4, 2), new Token(6, 2), new Token(8, 2) }));
    }

    [Test]
    public void A_lone_surrogate_is_one_token_of_one_char()
    {
        string text = "\uD83Dx\uDE00";
        Assert.That(s_tie.Cut(text), Is.EqualTo(new[] { "\uD83D", "x", "\uDE00" }));
    }

    [Test]
    public void Empty_text_has_no_tokens()
    {
        var tokens = new List<Token>();
        s_tie.Cut(ReadOnlySpan<char>.Empty, tokens);
        Assert.That(tokens, Is.Empty);
        Assert.That(s_tie.Cut(string.Empty), Is.Empty);
    }

    [Test]
    public void Cut_appends_to_the_callers_list()
    {
        var tokens = new List<Token> { new(99, 1) };
        s_tie.Cut("甲乙丙", tokens);
        Assert.That(tokens, Is.EqualTo(new[] { new Token(99, 1), new Token(0, 2), new Token(2, 1) }));
    }

    // 400 chars grows the per-thread route buffer; 20,000 borrows from the array pool instead.
    [TestCase(100)]
    [TestCase(1000)]
    [TestCase(5000)]
    public void A_run_longer_than_any_buffer_so_far_is_cut_whole(int repeats)
    {
        string text = string.Concat(Enumerable.Repeat("甲乙丙丁", repeats)) + "ab";
        var words = s_tie.Cut(text);
        Assert.That(string.Concat(words), Is.EqualTo(text));
        Assert.That(words, Has.Count.EqualTo((repeats * 3) + 1));
        Assert.That(words[^1], Is.EqualTo("ab"));
    }

    [FsCheck.NUnit.Property(MaxTest = 1000)]
    public bool Tokens_cover_the_text_in_order_without_splitting_a_surrogate_pair(string? text)
    {
        text ??= string.Empty;
        var tokens = new List<Token>();
        Segmenter.Default.Cut(text, tokens);
        int expectedStart = 0;
        foreach (var token in tokens)
        {
            if (token.Start != expectedStart || token.Length <= 0)
                return false;
            if (char.IsLowSurrogate(text[token.Start]) && token.Start > 0 && char.IsHighSurrogate(text[token.Start - 1]))
                return false;
            expectedStart = token.End;
        }
        return expectedStart == text.Length;
    }

    [Test]
    public void Many_threads_cut_the_same_as_one()
    {
        var segmenter = Segmenter.Default;
        var lines = TestFiles.ParityCorpusLines();
        var expected = lines.Select(l => string.Join("/", segmenter.Cut(l))).ToArray();
        var actual = new string[lines.Length * 4];

        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var tokens = new List<Token>();
            string line = lines[i % lines.Length];
            segmenter.Cut(line, tokens);
            actual[i] = string.Join("/", tokens.Select(t => line.Substring(t.Start, t.Length)));
        });

        for (int i = 0; i < actual.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i % lines.Length]), $"line {i % lines.Length}");
    }
}
