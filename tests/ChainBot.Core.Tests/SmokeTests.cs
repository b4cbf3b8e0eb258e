using ChainBot.Core.Text;

namespace ChainBot.Core.Tests;

public class TextNormalizerTests
{
    [TestCase("２份", "2份")]
    [TestCase("Ｘ２", "X2")]
    [TestCase("12号\u200B301", "12号301")]
    [TestCase("接龍 12號樓 3單元", "接龙 12号楼 3单元")]
    [TestCase("12\u3000301", "12 301")]
    public void Folds(string input, string expected) => Assert.That(TextNormalizer.Normalize(input), Is.EqualTo(expected));

    [TestCase("13812345678", "138****5678")]
    [TestCase("电话 138 1234 5678", "电话 138 **** 5678")]
    [TestCase("138****5678", "138****5678")]
    [TestCase("订单12345678901234", "订单12345678901234")]
    public void MasksPhones(string input, string expected) => Assert.That(PhoneNumbers.MaskAll(input), Is.EqualTo(expected));
}
