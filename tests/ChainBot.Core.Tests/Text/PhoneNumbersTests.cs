using System.Text.RegularExpressions;
using ChainBot.Core.Text;
using FsCheck;
using FsCheck.Fluent;

// Not ChainBot.Core.Tests.Text: Specs/PostFormatter.cs names Text.TextNormalizer, which that namespace would shadow.
namespace ChainBot.Core.Tests.Text;

/// <summary>
/// <see cref="PhoneNumbers"/>: mainland mobile numbers found in the forms people type them (plain, 3-4-4 with spaces
/// or dashes, already masked) but never inside a longer run of digits, and masked wherever they are echoed.
/// </summary>
public partial class PhoneNumbersTests
{
    [TestCase("13812345678", "138****5678")]
    [TestCase("电话 138 1234 5678", "电话 138 **** 5678")]
    [TestCase("电话 138-1234-5678", "电话 138-****-5678")]
    [TestCase("138 1234-5678", "138 ****-5678")]
    [TestCase("138****5678", "138****5678")]
    [TestCase("订单12345678901234", "订单12345678901234")]
    [TestCase("手机：13912345678，备用15012345678", "手机：139****5678，备用150****5678")]
    [TestCase("王13812345678", "王138****5678")]
    [TestCase("13812345678王", "138****5678王")]
    [TestCase("19912345678 17012345678", "199****5678 170****5678")]
    [TestCase("138 1234 5678 9", "138 **** 5678 9")] // a space ends the run of digits
    public void MaskAll_masks_every_mobile_number(string input, string expected) =>
        Assert.That(PhoneNumbers.MaskAll(input), Is.EqualTo(expected));

    [TestCase("138123456789")] // twelve digits
    [TestCase("013812345678")] // a digit before
    [TestCase("订单号 2013812345678")]
    [TestCase("12812345678")] // 12x is not a mobile prefix
    [TestCase("10012345678")]
    [TestCase("1381234567")] // ten digits
    [TestCase("1381 234 5678")] // not grouped 3-4-4
    [TestCase("138  1234 5678")] // two spaces
    [TestCase("1*812345678")] // a star among the first three
    [TestCase("12-301 王 2份")]
    [TestCase("")]
    public void Numbers_that_are_not_mobile_numbers_are_left_alone(string input)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumbers.TryFind(input, out _, out _), Is.False);
            Assert.That(PhoneNumbers.MaskAll(input), Is.EqualTo(input));
        });
    }

    [TestCase("13812345678", 0, 11)]
    [TestCase("电话：13812345678", 3, 11)]
    [TestCase("tel 138 1234 5678 ok", 4, 13)]
    [TestCase("138-1234-5678", 0, 13)]
    [TestCase("王 138****5678", 2, 11)]
    [TestCase("138 **** 5678", 0, 13)]
    [TestCase("2013812345678 13912345678", 14, 11)]
    public void TryFind_gives_where_the_number_stands(string input, int start, int length)
    {
        Assert.Multiple(() =>
        {
            Assert.That(PhoneNumbers.TryFind(input, out int foundStart, out int foundLength), Is.True);
            Assert.That((foundStart, foundLength), Is.EqualTo((start, length)));
        });
    }

    [TestCase("13812345678", "138****5678")]
    [TestCase("138 1234 5678", "138****5678")]
    [TestCase("138-1234-5678", "138****5678")]
    [TestCase("138****5678", "138****5678")]
    [TestCase("12345", "*****")]
    public void Mask_keeps_the_first_three_and_last_four_digits(string phone, string masked) =>
        Assert.That(PhoneNumbers.Mask(phone), Is.EqualTo(masked));

    [Test]
    public void MaskAll_returns_text_without_a_number_as_the_same_instance()
    {
        const string text = "1. 12号301 王阿姨 1份（放门口）";
        Assert.That(PhoneNumbers.MaskAll(text), Is.SameAs(text));
    }

    [Test]
    public void Mask_and_MaskAll_refuse_null()
    {
        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentNullException>(() => PhoneNumbers.Mask(null!));
            Assert.Throws<ArgumentNullException>(() => PhoneNumbers.MaskAll(null!));
        });
    }

    /// <summary>Text made of digits, separators, stars and a little Chinese: the stuff phone numbers hide in.</summary>
    private static Arbitrary<string> DigitText() =>
        Gen.Elements("1", "1", "3", "8", "9", "0", "5", "2", " ", "-", "*", "王", "13812345678", "138 1234 5678", "138-1234-5678", "138****5678")
            .ListOf()
            .Select(parts => string.Concat(parts))
            .ToArbitrary();

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property MaskAll_leaves_no_mobile_number_unmasked() =>
        Prop.ForAll(DigitText(), text => !UnmaskedMobile().IsMatch(PhoneNumbers.MaskAll(text)));

    [FsCheck.NUnit.Property(MaxTest = 500)]
    public Property MaskAll_changes_only_digits_to_stars_and_keeps_the_length() =>
        Prop.ForAll(DigitText(), text =>
        {
            string masked = PhoneNumbers.MaskAll(text);
            return masked.Length == text.Length
                && masked.Zip(text).All(p => p.First == p.Second || (p.First == '*' && char.IsAsciiDigit(p.Second)));
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property TryFind_finds_what_the_pattern_finds() =>
        Prop.ForAll(DigitText(), text => PhoneNumbers.TryFind(text, out _, out _) == AnyMobile().IsMatch(text));

    /// <summary>An unmasked mobile number, written independently of the code under test: 1[3-9] and 9 digits, 3-4-4 optionally separated.</summary>
    [GeneratedRegex("(?<![0-9])1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")]
    private static partial Regex UnmaskedMobile();

    /// <summary>A mobile number, masked or not.</summary>
    [GeneratedRegex(@"(?<![0-9])1[3-9][0-9][ -]?[0-9*]{4}[ -]?[0-9]{4}(?![0-9])")]
    private static partial Regex AnyMobile();
}
