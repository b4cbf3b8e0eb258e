using System.Text;
using ChainBot.Core.Chains;
using ChainBot.Core.Parsing;
using ChainBot.Core.Segmentation;
using ChainBot.Core.Tests.Specs;

namespace ChainBot.Core.Tests.Parsing;

/// <summary>
/// What the segmenter's lexicon tells the parser, seen through <see cref="ChainText.Parse"/>: goods a chain does not
/// sell, names glued to medicines in a roster, and extra dictionaries given with
/// <see cref="ChainParserBuilder.UseDictionary"/> or <see cref="ChainParserOptions.DictionaryPath"/>.
/// </summary>
public class LexiconTests
{
    /// <summary>A chain that sells one item, 蔬菜套餐 by the 份.</summary>
    private const string BundleHeader = "4月18日 天山三村 蔬菜套餐团购\n规格：每份约5斤（8-9个品种），68元/份\n截止时间：今晚8点\n例：12号 301 张三 2份\n\n";

    /// <summary>A roster: no catalogue, entries name what they ask for.</summary>
    private const string MedicineHeader = "#接龙\n4月18日 天山三村 配药登记\n请写清：楼号+房号+姓名+药名+数量\n\n";

    /// <summary>A word no built-in lexicon file has (checked below), given as goods by an extra dictionary.</summary>
    private const string ExtraWord = "螺蛳粉";

    private const string ExtraDictionary = ExtraWord + " 100 n\n";

    // ---- goods the catalogue does not sell --------------------------------------------------------------------

    [TestCase("12-301 张三 苹果")] // groceries.txt
    [TestCase("12-302 李 苹果2斤")]
    [TestCase("12-303 王 西瓜")]
    [TestCase("12-304 赵 口罩")] // goods.txt
    [TestCase("12-305 钱 连花清瘟")] // medicines.txt
    [TestCase("12-306 孙 五花肉 鸡蛋")]
    public void Goods_the_catalogue_does_not_sell_are_reported(string line)
    {
        var post = Parse(BundleHeader + "1. " + line);

        Assert.Multiple(() =>
        {
            Assert.That(post.Entries, Is.Empty);
            Assert.That(post.Unread.Select(u => (u.Reason, u.Line)), Is.EqualTo(new[] { (UnreadReasons.ItemNotInCatalogue, "1. " + line) }));
        });
    }

    [TestCase("12-301 张三")]
    [TestCase("12-301 张三 放门口")]
    [TestCase("12-301 张三 谢谢团长")]
    public void A_line_naming_no_goods_and_no_quantity_has_no_quantity(string line)
    {
        // The contrast to the test above: only a word the lexicon knows as goods makes the item unknown.
        var post = Parse(BundleHeader + "1. " + line);

        Assert.That(post.Unread.Select(u => u.Reason), Is.EqualTo(new[] { UnreadReasons.NoQuantity }));
    }

    [Test]
    public void The_item_the_chain_sells_is_read_though_the_lexicon_knows_it_as_goods()
    {
        var post = Parse(BundleHeader + "1. 12-301 张三 蔬菜套餐 2份");

        Assert.Multiple(() =>
        {
            Assert.That(post.Unread, Is.Empty);
            Assert.That(post.Entries.Single().Items, Is.EqualTo(new[] { new ItemQuantity("蔬菜套餐", 2m, "份") }));
        });
    }

    [Test]
    public void Goods_the_chain_does_not_sell_with_a_loose_quantity_are_not_counted_as_the_chain_s_item()
    {
        // 苹果 2份 asks for two portions of apples; the chain sells only 蔬菜套餐. Reading it as two 蔬菜套餐 would
        // charge the household 136 yuan for something it did not order.
        var post = Parse(BundleHeader + "1. 12-301 张三 苹果 2份");

        Assert.Multiple(() =>
        {
            Assert.That(post.Entries.SelectMany(e => e.Items).Select(i => i.Item), Has.None.EqualTo("蔬菜套餐"));
            Assert.That(post.Unread.Select(u => u.Reason), Is.EqualTo(new[] { UnreadReasons.ItemNotInCatalogue }));
        });
    }

    // ---- names glued to what is asked for (rosters) -------------------------------------------------------------

    [TestCase("15号302 刘氨氯地平2盒", "刘", "氨氯地平", 2, "盒")]
    [TestCase("15号302 刘阿姨氨氯地平2盒", "刘阿姨", "氨氯地平", 2, "盒")]
    [TestCase("8号1101 张二甲双胍 1盒", "张", "二甲双胍", 1, "盒")]
    [TestCase("15号302 刘 氨氯地平 2盒", "刘", "氨氯地平", 2, "盒")]
    public void A_name_glued_to_a_medicine_is_split_from_it(string line, string name, string item, int quantity, string unit)
    {
        var post = Parse(MedicineHeader + "1. " + line);

        var entry = post.Entries.Single();
        Assert.Multiple(() =>
        {
            Assert.That(post.Kind, Is.EqualTo(ChainKind.Roster));
            Assert.That(entry.Name, Is.EqualTo(name));
            Assert.That(entry.Items, Is.EqualTo(new[] { new ItemQuantity(item, quantity, unit) }));
            Assert.That(entry.Address, Is.EqualTo(new Address(null, line.Split('号')[0], null, line.Split('号')[1].Split(' ')[0])));
        });
    }

    // ---- extra dictionaries -------------------------------------------------------------------------------------

    [Test]
    public void The_extra_word_is_in_no_built_in_lexicon()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WordDictionary.Domain.TryGetTag(ExtraWord, out _), Is.False);
            Assert.That(ChainParser.Default.Dictionary.TryGetTag(ExtraWord, out _), Is.False);
        });
    }

    [Test]
    public void UseDictionary_makes_an_extra_goods_word_an_item_not_in_the_catalogue()
    {
        var parser = new ChainParserBuilder().UseDictionary(Load(ExtraDictionary)).Build();
        string text = BundleHeader + "1. 12-301 张三 " + ExtraWord;

        Assert.Multiple(() =>
        {
            Assert.That(Reasons(Parse(text)), Is.EqualTo(new[] { UnreadReasons.NoQuantity }), "default parser");
            Assert.That(Reasons(Parse(text, parser)), Is.EqualTo(new[] { UnreadReasons.ItemNotInCatalogue }), "with the extra word");
        });
    }

    [Test]
    public void UseDictionary_keeps_the_built_in_lexicon()
    {
        var parser = new ChainParserBuilder().UseDictionary(Load(ExtraDictionary)).Build();

        var post = Parse(BundleHeader + "1. 12-301 张三 苹果\n2. 12-302 李 1份", parser);

        Assert.Multiple(() =>
        {
            Assert.That(parser.Dictionary.TryGetTag("苹果", out string? tag), Is.True);
            Assert.That(tag, Is.EqualTo("n"));
            Assert.That(parser.Dictionary.TryGetTag(ExtraWord, out string? extraTag), Is.True);
            Assert.That(extraTag, Is.EqualTo("n"));
            Assert.That(Reasons(post), Is.EqualTo(new[] { UnreadReasons.ItemNotInCatalogue }));
            Assert.That(post.Entries.Single().Items, Is.EqualTo(new[] { new ItemQuantity("蔬菜套餐", 1m, "份") }));
        });
    }

    [Test]
    public void UseDictionary_splits_a_name_glued_to_the_extra_word_in_a_roster()
    {
        var parser = new ChainParserBuilder().UseDictionary(Load(ExtraDictionary)).Build();
        string text = MedicineHeader + "1. 8号1103 陈" + ExtraWord + "2袋";

        var entry = Parse(text, parser).Entries.Single();
        var withDefault = Parse(text).Entries.Single();

        Assert.Multiple(() =>
        {
            Assert.That(entry.Name, Is.EqualTo("陈"));
            Assert.That(entry.Items, Is.EqualTo(new[] { new ItemQuantity(ExtraWord, 2m, "袋") }));
            // Without the word the parser cannot tell where the name ends.
            Assert.That(withDefault.Name, Is.Not.EqualTo("陈"));
        });
    }

    [TestCase(ExtraWord + " 100 x\n")]
    [TestCase(ExtraWord + " 100\n")]
    [TestCase(ExtraWord + " nr\n")]
    public void An_extra_word_not_tagged_as_goods_does_not_make_an_unknown_item(string dictionary)
    {
        var parser = new ChainParserBuilder().UseDictionary(Load(dictionary)).Build();

        var post = Parse(BundleHeader + "1. 12-301 张三 " + ExtraWord, parser);

        Assert.That(Reasons(post), Is.EqualTo(new[] { UnreadReasons.NoQuantity }));
    }

    [Test]
    public void A_parser_built_with_a_dictionary_leaves_the_default_parser_alone()
    {
        _ = new ChainParserBuilder().UseDictionary(Load(ExtraDictionary)).Build();

        Assert.Multiple(() =>
        {
            Assert.That(ChainParser.Default.Dictionary.TryGetTag(ExtraWord, out _), Is.False);
            Assert.That(WordDictionary.Domain.TryGetTag(ExtraWord, out _), Is.False);
        });
    }

    [Test]
    public void DictionaryPath_loads_the_dictionary_like_UseDictionary()
    {
        string path = WriteTempFile(ExtraDictionary);
        try
        {
            var parser = new ChainParserBuilder().UseOptions(new ChainParserOptions { DictionaryPath = path }).Build();

            var post = Parse(BundleHeader + "1. 12-301 张三 " + ExtraWord, parser);

            Assert.That(Reasons(post), Is.EqualTo(new[] { UnreadReasons.ItemNotInCatalogue }));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void DictionaryPath_to_a_bad_dictionary_throws_naming_the_file_and_line()
    {
        string path = WriteTempFile(ExtraDictionary + "榴莲酥 200 n\n臭豆腐 lots n\n菜心 300 n\n");
        try
        {
            var builder = new ChainParserBuilder();

            var e = Assert.Throws<DictionaryFormatException>(() => builder.UseOptions(new ChainParserOptions { DictionaryPath = path }));

            Assert.Multiple(() =>
            {
                Assert.That(e!.LineNumber, Is.EqualTo(3));
                Assert.That(e.SourceName, Is.EqualTo(path));
                Assert.That(e.Message, Does.Contain(path));
                Assert.That(e.Message, Does.Contain("line 3"));
                Assert.That(e.Message, Does.Contain("臭豆腐 lots n"));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("螺蛳粉 100 n extra\n", 1)]
    [TestCase("螺蛳粉 100 n\n菜心 -5 n\n", 2)]
    [TestCase("螺蛳粉 100 n\n\n菜心 99999999999 n\n", 3)]
    public void A_bad_dictionary_line_is_named_when_loaded_from_a_reader(string text, int line)
    {
        var e = Assert.Throws<DictionaryFormatException>(() => WordDictionary.Load(new StringReader(text), "extra.txt"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.LineNumber, Is.EqualTo(line));
            Assert.That(e.SourceName, Is.EqualTo("extra.txt"));
            Assert.That(e.Message, Does.Contain("extra.txt").And.Contain($"line {line}"));
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static ChainPost Parse(string text, ChainParser? parser = null) => ChainText.Parse(text, SpecExample.MessageTime, parser);

    private static string[] Reasons(ChainPost post) => [.. post.Unread.Select(u => u.Reason)];

    private static WordDictionary Load(string text) => WordDictionary.Load(new StringReader(text), "extra.txt");

    private static string WriteTempFile(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"chainbot-dict-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }
}
