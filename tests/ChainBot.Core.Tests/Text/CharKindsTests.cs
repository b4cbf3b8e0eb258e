using ChainBot.Core.Text;

namespace ChainBot.Core.Tests.Text;

/// <summary>
/// <see cref="CharKinds.PlainNumber"/>: the buildings and rooms the string pool and the tally find by number are
/// exactly the plain ones; anything else (a leading zero, a letter, too many digits) is left to the strings.
/// </summary>
public class CharKindsTests
{
    [TestCase("1", 4, 1)]
    [TestCase("12", 4, 12)]
    [TestCase("301", 3, 301)]
    [TestCase("9999", 4, 9999)]
    [TestCase("1201", 3, -1)]
    [TestCase("0", 4, -1)]
    [TestCase("012", 4, -1)]
    [TestCase("A3", 4, -1)]
    [TestCase("3A", 4, -1)]
    [TestCase("１２", 4, -1)]
    [TestCase("", 4, -1)]
    public void A_plain_number_is_read_and_anything_else_is_minus_one(string text, int maxDigits, int expected) =>
        Assert.That(CharKinds.PlainNumber(text, maxDigits), Is.EqualTo(expected));
}
