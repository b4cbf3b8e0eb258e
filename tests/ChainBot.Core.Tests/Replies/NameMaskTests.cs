using ChainBot.Core.Replies;

namespace ChainBot.Core.Tests.Replies;

/// <summary>Names shortened for lists the whole group reads: the first character, then stars.</summary>
public class NameMaskTests
{
    [TestCase("王阿姨", "王**")]
    [TestCase("陈先生", "陈**")]
    [TestCase("王", "王*")]
    [TestCase("小王", "小*")]
    [TestCase("Amy", "A**")]
    [TestCase("Christina", "C**")]
    [TestCase("🌸花花", "🌸**")]
    [TestCase("👨‍👩‍👧王家", "👨‍👩‍👧**")]
    [TestCase(" 刘奶奶家 ", "刘**")]
    public void A_name_keeps_its_first_character_and_hides_the_rest_and_its_length(string name, string shortened) =>
        Assert.That(NameMask.Shorten(name), Is.EqualTo(shortened));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void No_name_stays_no_name(string? name) => Assert.That(NameMask.Shorten(name), Is.Null);
}
