using System.Reflection;
using ChainBot.Core.Segmentation;

namespace ChainBot.Core.Tests.Segmentation;

/// <summary>
/// The built-in lexicon alone (no jieba dict.txt) must cut chain lines into the words the parser reads.
/// Expected cuts are written as one "/"-joined string, cppjieba style.
/// </summary>
public class DomainLexiconTests
{
    [TestCase("王阿姨大米两袋", "王/阿姨/大米/两/袋")]
    [TestCase("刘阿姨氨氯地平2盒", "刘/阿姨/氨氯地平/2/盒")]
    [TestCase("李女士五花肉2斤", "李/女士/五花肉/2/斤")]
    [TestCase("张奶奶牛奶两箱", "张/奶奶/牛奶/两/箱")]
    [TestCase("陈先生鸡蛋1盒", "陈/先生/鸡蛋/1/盒")]
    [TestCase("欧阳先生排骨3斤", "欧阳/先生/排骨/3/斤")]
    [TestCase("司马阿姨西红柿2斤", "司马/阿姨/西红柿/2/斤")]
    [TestCase("小王卫生纸1提", "小/王/卫生纸/1/提")]
    [TestCase("老刘二甲双胍3盒", "老/刘/二甲双胍/3/盒")]
    [TestCase("蔬菜套餐2份", "蔬菜套餐/2/份")]
    [TestCase("西红柿土豆青菜各1斤", "西红柿/土豆/青菜/各/1/斤")]
    [TestCase("苹果5个香蕉1把", "苹果/5/个/香蕉/1/把")]
    [TestCase("洗衣液2桶口罩10个", "洗衣液/2/桶/口罩/10/个")]
    [TestCase("降压药胰岛素", "降压药/胰岛素")]
    [TestCase("阿司匹林100mg", "阿司匹林/100/mg")]
    [TestCase("连花清瘟胶囊1盒", "连花清瘟胶囊/1/盒")]
    [TestCase("硝苯地平控释片2盒", "硝苯地平控释片/2/盒")]
    [TestCase("12号楼301陈先生", "12/号楼/301/陈/先生")]
    [TestCase("3号楼2单元", "3/号楼/2/单元")]
    [TestCase("帮5号102王奶奶接龙", "帮/5/号/102/王/奶奶/接龙")]
    [TestCase("楼下阿婆1份", "楼下/阿婆/1/份")]
    [TestCase("王阿姨改为3份", "王/阿姨/改为/3/份")]
    [TestCase("黄师傅不要了", "黄/师傅/不要了")]
    [TestCase("赵大爷取消", "赵/大爷/取消")]
    [TestCase("周老师代登记", "周/老师/代登记")]
    [TestCase("团购截止时间今晚8点", "团购/截止时间/今晚/8/点")]
    [TestCase("刘奶奶家鸡腿1袋", "刘/奶奶家/鸡腿/1/袋")]
    [TestCase("杨姐酒精2瓶", "杨/姐/酒精/2/瓶")]
    [TestCase("配药登记医保卡已交", "配药/登记/医保卡/已交")]
    public void Default_cuts_chain_text_into_domain_words(string text, string expected)
        => Assert.That(string.Join("/", Segmenter.Default.Cut(text)), Is.EqualTo(expected));

    [TestCase("大米", "n")]
    [TestCase("氨氯地平", "nmed")]
    [TestCase("盒", "q")]
    [TestCase("阿姨", "nrh")]
    [TestCase("王", "nr")]
    [TestCase("欧阳", "nr")]
    [TestCase("接龙", "v")]
    [TestCase("号楼", "x")]
    [TestCase("卫生纸", "n")]
    public void Domain_words_carry_their_tag(string word, string tag)
    {
        Assert.That(WordDictionary.Domain.TryGetTag(word, out string? actual), Is.True, word);
        Assert.That(actual, Is.EqualTo(tag));
    }

    [Test]
    public void Domain_is_the_union_of_the_lexicon_files_and_no_word_is_in_two_of_them()
    {
        var assembly = typeof(WordDictionary).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("ChainBot.Core.Segmentation.Lexicon.", StringComparison.Ordinal))
            .ToDictionary(n => n, n => ReadWords(assembly, n));

        Assert.That(files.Keys.Select(n => n["ChainBot.Core.Segmentation.Lexicon.".Length..]),
            Is.SupersetOf(new[] { "groceries.txt", "goods.txt", "medicines.txt", "units.txt", "honorifics.txt", "surnames.txt", "chain.txt" }));

        // A word in two files would get whichever tag loads last: keep each word in exactly one file.
        var owners = files.SelectMany(f => f.Value.Select(w => (Word: w, File: f.Key)))
            .GroupBy(p => p.Word)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.File))}")
            .ToList();
        Assert.That(owners, Is.Empty);

        int distinct = files.Values.SelectMany(w => w).Distinct(StringComparer.Ordinal).Count();
        Assert.That(WordDictionary.Domain.Count, Is.EqualTo(distinct));
    }

    [Test]
    public void Domain_lexicon_has_the_sizes_the_parser_relies_on()
    {
        var assembly = typeof(WordDictionary).Assembly;
        int Count(string file) => ReadWords(assembly, "ChainBot.Core.Segmentation.Lexicon." + file).Count;
        Assert.Multiple(() =>
        {
            Assert.That(Count("groceries.txt"), Is.GreaterThanOrEqualTo(200));
            Assert.That(Count("medicines.txt"), Is.GreaterThanOrEqualTo(100));
            Assert.That(Count("surnames.txt"), Is.GreaterThanOrEqualTo(200));
            Assert.That(Count("units.txt"), Is.GreaterThanOrEqualTo(40));
            Assert.That(Count("honorifics.txt"), Is.GreaterThanOrEqualTo(15));
        });
    }

    private static List<string> ReadWords(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
                words.Add(line.Split(' ')[0]);
        }
        return words;
    }
}
