using System.Text;
using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Tests.Segmentation;

/// <summary>Loading jieba's <c>word freq [tag]</c> format, its errors, and the derived dictionaries.</summary>
public class WordDictionaryTests
{
    private static WordDictionary Load(string text, string source = "test.txt") => WordDictionary.Load(new StringReader(text), source);

    [Test]
    public void Counts_words_and_sums_frequencies()
    {
        var dictionary = Load("甲 10 n\n丙 10 n\n甲乙 20 n\n乙丙 20 n\n丁 5 x\n");
        Assert.That(dictionary.Count, Is.EqualTo(5));
        Assert.That(dictionary.Total, Is.EqualTo(65));
    }

    [Test]
    public void A_duplicate_line_replaces_the_frequency_but_counts_twice_in_the_total_as_jieba_does()
    {
        // jieba's gen_pfdict: lfreq[word] = freq; ltotal += freq. dict.txt itself lists "B超" twice.
        var dictionary = Load("大米 10 n\n大米 30 x\n");
        Assert.That(dictionary.Count, Is.EqualTo(1));
        Assert.That(dictionary.Total, Is.EqualTo(40));
        Assert.That(dictionary.TryGetTag("大米", out string? tag), Is.True);
        Assert.That(tag, Is.EqualTo("x"));
    }

    [Test]
    public void Blank_lines_crlf_tabs_and_a_bom_are_tolerated()
    {
        var dictionary = Load("\uFEFF大米 10 n\r\n\r\n   \n鸡蛋\t20\tn\r\n\t\n牛奶 5 n");
        Assert.That(dictionary.Count, Is.EqualTo(3));
        Assert.That(dictionary.Total, Is.EqualTo(35));
        Assert.That(dictionary.TryGetTag("大米", out _), Is.True, "the BOM is not part of the first word");
        Assert.That(dictionary.TryGetTag("牛奶", out string? tag), Is.True, "the last line needs no newline");
        Assert.That(tag, Is.EqualTo("n"));
    }

    [Test]
    public void Load_from_a_file_reads_utf8_with_a_bom()
    {
        string path = Path.Combine(Path.GetTempPath(), $"chainbot-dict-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "大米 10 n\n氨氯地平 3 nmed\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var dictionary = WordDictionary.Load(path);
            Assert.That(dictionary.Count, Is.EqualTo(2));
            Assert.That(dictionary.TryGetTag("大米", out _), Is.True);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("大米 abc n", "frequency 'abc' is not a non-negative integer")]
    [TestCase("大米 -5 n", "frequency '-5' is not a non-negative integer")]
    [TestCase("大米 12abc", "'12abc' is neither a frequency nor a tag")]
    [TestCase("大米 99999999999 n", "out of range")]
    [TestCase("大米 10 n extra", "more than three fields")]
    public void A_bad_line_is_an_error_naming_the_source_and_line(string badLine, string reason)
    {
        var e = Assert.Throws<DictionaryFormatException>(() => Load($"鸡蛋 10 n\n\n{badLine}\n牛奶 5 n\n", "user.dict"))!;
        Assert.Multiple(() =>
        {
            Assert.That(e.LineNumber, Is.EqualTo(3));
            Assert.That(e.SourceName, Is.EqualTo("user.dict"));
            Assert.That(e.Message, Does.Contain("user.dict").And.Contain("line 3").And.Contain(reason).And.Contain(badLine));
            Assert.That(e, Is.InstanceOf<FormatException>());
        });
    }

    [Test]
    public void A_file_that_is_not_utf8_is_an_error_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), $"chainbot-dict-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllBytes(path, [0xB4, 0xF3, 0xC3, 0xD7, 0x20, 0x31, 0x0A]); // 大米 1 in GBK
            var e = Assert.Throws<DictionaryFormatException>(() => WordDictionary.Load(path))!;
            Assert.That(e.Message, Does.Contain(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void A_line_longer_than_the_read_buffer_is_read_whole()
    {
        string longWord = new('甲', 70_000);
        var dictionary = Load($"乙 5 n\n{longWord} 3 x\n丙 7 n\n");
        Assert.That(dictionary.Count, Is.EqualTo(3));
        Assert.That(dictionary.TryGetTag(longWord, out string? tag), Is.True);
        Assert.That(tag, Is.EqualTo("x"));
        Assert.That(dictionary.TryGetTag(longWord.AsSpan(1), out _), Is.False);
    }

    [Test]
    public void A_missing_file_is_not_hidden()
        => Assert.Throws<FileNotFoundException>(() => WordDictionary.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.txt")));

    [Test]
    public void Freq_and_tag_may_be_left_out_as_jieba_allows()
    {
        var dictionary = Load("大米 1000 n\n米 1000 q\n小米\n糯米 n\n");
        Assert.That(dictionary.TryGetTag("小米", out string? tag), Is.True);
        Assert.That(tag, Is.Null);
        Assert.That(dictionary.TryGetTag("糯米", out tag), Is.True);
        Assert.That(tag, Is.EqualTo("n"));
        // Suggested frequencies are high enough that the words are cut whole.
        Assert.That(new Segmenter(dictionary).Cut("小米糯米"), Is.EqualTo(new[] { "小米", "糯米" }));
    }

    [Test]
    public void A_prefix_or_a_zero_frequency_entry_is_not_a_word()
    {
        var dictionary = Load("氨氯地平 10 nmed\n大米 0 n\n");
        Assert.That(dictionary.TryGetTag("氨氯", out _), Is.False);
        Assert.That(dictionary.TryGetTag("大米", out _), Is.False);
        Assert.That(dictionary.TryGetTag("氨氯地平片", out _), Is.False);
        Assert.That(dictionary.TryGetTag(ReadOnlySpan<char>.Empty, out _), Is.False);
        Assert.That(dictionary.Count, Is.EqualTo(1));
    }

    [Test]
    public void WithWords_makes_a_header_item_one_word_and_leaves_the_original_alone()
    {
        var before = Segmenter.Default;
        Assert.That(string.Join("/", before.Cut("沙糖桔2斤")), Is.EqualTo("沙/糖/桔/2/斤"));

        var dictionary = WordDictionary.Domain.WithWords(["沙糖桔", "有机菜心"], "n");
        var after = new Segmenter(dictionary);
        Assert.Multiple(() =>
        {
            Assert.That(string.Join("/", after.Cut("沙糖桔2斤")), Is.EqualTo("沙糖桔/2/斤"));
            Assert.That(string.Join("/", after.Cut("王阿姨有机菜心1份")), Is.EqualTo("王/阿姨/有机菜心/1/份"));
            Assert.That(dictionary.TryGetTag("沙糖桔", out string? tag) && tag == "n");
            Assert.That(dictionary.Count, Is.EqualTo(WordDictionary.Domain.Count + 2));
            Assert.That(dictionary.Total, Is.GreaterThan(WordDictionary.Domain.Total));
            Assert.That(WordDictionary.Domain.TryGetTag("沙糖桔", out _), Is.False, "Domain is immutable");
            Assert.That(string.Join("/", before.Cut("沙糖桔2斤")), Is.EqualTo("沙/糖/桔/2/斤"));
        });
    }

    [Test]
    public void WithWords_keeps_the_frequency_of_a_known_word_and_gives_it_the_new_tag()
    {
        var dictionary = Load("大米 10 n\n");
        var retagged = dictionary.WithWords(["大米"], "goods");
        Assert.That(retagged.Total, Is.EqualTo(10));
        Assert.That(retagged.TryGetTag("大米", out string? tag), Is.True);
        Assert.That(tag, Is.EqualTo("goods"));
        Assert.That(dictionary.WithWords([]), Is.SameAs(dictionary));
    }

    [Test]
    public void WithWords_matches_jieba_suggest_freq_for_a_word_made_of_known_pieces()
    {
        // suggest_freq("甲乙") over {甲:10, 乙:30}, total 40: int(10/40 * 30/40 * 40) + 1 = 8.
        var dictionary = Load("甲 10\n乙 30\n").WithWords(["甲乙"]);
        Assert.That(dictionary.Total, Is.EqualTo(48));
        Assert.That(new Segmenter(dictionary).Cut("甲乙"), Is.EqualTo(new[] { "甲乙" }));
    }

    [Test]
    public void Merge_lets_the_other_dictionary_win_and_adds_the_totals()
    {
        var main = Load("大米 10 n\n鸡蛋 20 n\n");
        var user = Load("大米 0\n小米 5 n\n鸡蛋 7 egg\n");
        var merged = main.Merge(user);
        Assert.Multiple(() =>
        {
            Assert.That(merged.Total, Is.EqualTo(main.Total + user.Total));
            Assert.That(merged.TryGetTag("大米", out _), Is.False, "a 0 in the user dictionary deletes the word");
            Assert.That(merged.TryGetTag("鸡蛋", out string? tag) && tag == "egg");
            Assert.That(merged.TryGetTag("小米", out _), Is.True);
            Assert.That(merged.Count, Is.EqualTo(2));
            Assert.That(main.TryGetTag("大米", out _), Is.True, "the inputs are unchanged");
        });
    }

    [Test]
    public void Merge_with_the_domain_lexicon_keeps_every_word_of_both()
    {
        var user = Load("沙糖桔 500 n\n");
        var merged = WordDictionary.Domain.Merge(user);
        Assert.That(merged.Count, Is.EqualTo(WordDictionary.Domain.Count + 1));
        Assert.That(string.Join("/", new Segmenter(merged).Cut("王阿姨沙糖桔2斤")), Is.EqualTo("王/阿姨/沙糖桔/2/斤"));
    }
}
