using ChainBot.Core.Text;

// Not ChainBot.Core.Tests.Text: Specs/PostFormatter.cs names Text.TextNormalizer, which that namespace would shadow.
namespace ChainBot.Core.Tests.Text;

/// <summary>
/// <see cref="TextNormalizer"/>: the ways phones type the same text fold into one form — full-width to half-width,
/// Traditional to Simplified, odd spaces to a space, zero-width characters and variation selectors dropped — while
/// the Chinese punctuation echoed in notes stays as typed.
/// </summary>
public class TextNormalizerTests
{
    [TestCase("２份", "2份")]
    [TestCase("Ｘ２", "X2")]
    [TestCase("１２－３０１", "12-301")]
    [TestCase("ＡＢＣ ａｂｃ", "ABC abc")]
    [TestCase("＃接龙", "#接龙")]
    [TestCase("＊２　＋１", "*2 +1")]
    [TestCase("１．５kg", "1.5kg")]
    [TestCase("１２＃３０１", "12#301")]
    [TestCase("１２／３０１", "12/301")]
    public void Full_width_ASCII_becomes_half_width(string input, string expected) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("接龍 12號樓 3單元", "接龙 12号楼 3单元")]
    [TestCase("3棟2單元201 陳先生", "3栋2单元201 陈先生")]
    [TestCase("兩份 蘋果 雞蛋", "两份 苹果 鸡蛋")]
    [TestCase("截止時間：今晚8點", "截止时间：今晚8点")]
    [TestCase("團購 規格 價錢", "团购 规格 价钱")]
    [TestCase("劉 張 黃 吳 許 蕭", "刘 张 黄 吴 许 萧")]
    [TestCase("一區 東區", "一区 东区")]
    public void Traditional_characters_become_Simplified(string input, string expected) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("12号\u200B301", "12号301")]
    [TestCase("\u200C王\u200D阿姨\u2060", "王阿姨")]
    [TestCase("\uFEFF1. 12-301", "1. 12-301")]
    [TestCase("王\u00AD阿姨", "王阿姨")]
    public void Zero_width_characters_are_dropped(string input, string expected) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("🌸\uFE0F花花", "🌸花花")]
    [TestCase("\u2764\uFE0F 1份", "\u2764 1份")]
    [TestCase("A\uFE00B\uFE0EC", "ABC")]
    public void Variation_selectors_are_dropped(string input, string expected) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("12\u3000301", "12 301")]
    [TestCase("12\u00A0301", "12 301")]
    [TestCase("12\t301", "12 301")]
    [TestCase("a\u2002b\u2003c\u2009d\u202Fe", "a b c d e")]
    [TestCase("a\vb\fc", "a b c")]
    public void Odd_spaces_become_a_space(string input, string expected) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("12\u2014301", "12-301")]
    [TestCase("12\u2013301", "12-301")]
    [TestCase("12\u2212301", "12-301")]
    [TestCase("12\u2010301", "12-301")]
    public void Dashes_become_a_hyphen(string input, string expected) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("（放门口就行）")]
    [TestCase("规格：每份约5斤，68元/份；满50份成团！")]
    [TestCase("有吗？")]
    [TestCase("谢谢。")]
    [TestCase("鸡蛋、牛奶")]
    [TestCase("【团购】「王」『李』")]
    [TestCase("🥬🍊🌸")]
    public void Chinese_punctuation_and_emoji_stay_as_typed(string input) =>
        Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(input));

    [TestCase("1. 12号301 王阿姨 1份")]
    [TestCase("")]
    [TestCase("（放门口）")]
    public void Text_that_needs_no_change_comes_back_as_the_same_instance(string input) =>
        Assert.That(TextNormalizer.Normalize(input), Is.SameAs(input));

    [Test]
    public void The_span_form_writes_the_folded_text_and_returns_its_length()
    {
        const string input = "１２号\u200B３０１　王阿姨";
        var destination = new char[input.Length];

        int written = TextNormalizer.Normalize(input, destination);

        Assert.That(new string(destination, 0, written), Is.EqualTo("12号301 王阿姨"));
    }

    [Test]
    public void Normalize_refuses_null() => Assert.Throws<ArgumentNullException>(() => TextNormalizer.Normalize(null!));

    [Test]
    public void Fold_of_a_character_to_drop_is_nul()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TextNormalizer.Fold('\u200B'), Is.EqualTo('\0'));
            Assert.That(TextNormalizer.Fold('\uFE0F'), Is.EqualTo('\0'));
            Assert.That(TextNormalizer.Fold('號'), Is.EqualTo('号'));
            Assert.That(TextNormalizer.Fold('a'), Is.EqualTo('a'));
        });
    }

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public bool Normalizing_never_lengthens_and_a_second_time_changes_nothing(string? text)
    {
        text ??= string.Empty;
        string once = TextNormalizer.Normalize(text);
        return once.Length <= text.Length && TextNormalizer.Normalize(once) == once;
    }

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public bool The_span_form_fits_a_destination_as_long_as_the_source(string? text)
    {
        text ??= string.Empty;
        var destination = new char[text.Length];
        int written = TextNormalizer.Normalize(text, destination);
        return new string(destination, 0, written) == TextNormalizer.Normalize(text);
    }
}
