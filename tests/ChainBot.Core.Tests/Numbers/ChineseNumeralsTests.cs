using ChainBot.Core.Numbers;

namespace ChainBot.Core.Tests.Numbers;

public class ChineseNumeralsTests
{
    // Arabic digits, with and without a decimal part.
    [TestCase("12", "12", 2)]
    [TestCase("0", "0", 1)]
    [TestCase("007", "7", 3)]
    [TestCase("1.5", "1.5", 3)]
    [TestCase("1.5kg", "1.5", 3)]
    [TestCase("0.25斤", "0.25", 4)]
    [TestCase("3.05", "3.05", 4)]
    [TestCase("1.", "1", 1)]
    [TestCase("1.份", "1", 1)]
    [TestCase("2份", "2", 1)]
    [TestCase("12号301", "12", 2)]
    [TestCase("1.5.3", "1.5", 3)]
    [TestCase("1000000000", "1000000000", 10)]
    [TestCase("0000000000012", "12", 13)]
    // Plain Chinese digits and 两/俩.
    [TestCase("零", "0", 1)]
    [TestCase("〇", "0", 1)]
    [TestCase("一", "1", 1)]
    [TestCase("两份", "2", 1)]
    [TestCase("俩", "2", 1)]
    [TestCase("三斤半", "3", 1)]
    [TestCase("九", "9", 1)]
    // 十 and its compounds.
    [TestCase("十", "10", 1)]
    [TestCase("十一", "11", 2)]
    [TestCase("十二号楼", "12", 2)]
    [TestCase("二十", "20", 2)]
    [TestCase("二十个", "20", 2)]
    [TestCase("二十五", "25", 3)]
    [TestCase("九十九", "99", 3)]
    // 百, 千, 万 with 零 and the spoken short forms.
    [TestCase("一百", "100", 2)]
    [TestCase("两百", "200", 2)]
    [TestCase("一百二十", "120", 4)]
    [TestCase("一百二", "120", 3)]
    [TestCase("两百五", "250", 3)]
    [TestCase("一百零五", "105", 4)]
    [TestCase("一百一十", "110", 4)]
    [TestCase("一百十", "110", 3)]
    [TestCase("三千五", "3500", 3)]
    [TestCase("三千零五", "3005", 4)]
    [TestCase("三千五百", "3500", 4)]
    [TestCase("一千零五十", "1050", 5)]
    [TestCase("一万", "10000", 2)]
    [TestCase("一万五", "15000", 3)]
    [TestCase("一万五千", "15000", 4)]
    [TestCase("一万零五", "10005", 4)]
    [TestCase("十万", "100000", 2)]
    [TestCase("十二万三千四百五十六", "123456", 10)]
    [TestCase("九千九百九十九万九千九百九十九", "99999999", 15)]
    // Financial (大写) numerals.
    [TestCase("壹", "1", 1)]
    [TestCase("贰拾", "20", 2)]
    [TestCase("叁佰", "300", 2)]
    [TestCase("拾伍", "15", 2)]
    [TestCase("肆仟陆佰柒拾捌", "4678", 7)]
    [TestCase("玖", "9", 1)]
    // Digit by digit: years, rooms, minutes.
    [TestCase("二〇二二年", "2022", 4)]
    [TestCase("二零二二", "2022", 4)]
    [TestCase("一二〇一室", "1201", 4)]
    [TestCase("一二三", "123", 3)]
    [TestCase("零五", "5", 2)]
    // An estimate ("three or four") reads the first digit only.
    [TestCase("三四个", "3", 1)]
    // Where the number stops.
    [TestCase("二十五六", "25", 3)]
    [TestCase("十十", "10", 1)]
    [TestCase("一百零", "100", 2)]
    [TestCase("一百千", "100", 2)]
    [TestCase("一万万", "10000", 2)]
    [TestCase("十零", "10", 1)]
    [TestCase("五百块", "500", 2)]
    // 半 alone.
    [TestCase("半", "0.5", 1)]
    [TestCase("半斤", "0.5", 1)]
    public void Reads(string text, string expected, int expectedConsumed)
    {
        bool read = ChineseNumerals.TryRead(text, out decimal value, out int consumed);

        Assert.That(read, Is.True);
        Assert.That(value, Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.That(consumed, Is.EqualTo(expectedConsumed));
    }

    [TestCase("")]
    [TestCase("几")]
    [TestCase("几份")]
    [TestCase("百")]
    [TestCase("千")]
    [TestCase("万")]
    [TestCase("份")]
    [TestCase("x2")]
    [TestCase(".5")]
    [TestCase(" 12")]
    [TestCase("-3")]
    [TestCase("１２")] // full-width digits are folded by TextNormalizer before they get here
    [TestCase("1000000001")]
    [TestCase("99999999999999999999999999999999999")]
    [TestCase("一二三四五六七八九〇一")]
    public void DoesNotRead(string text)
    {
        bool read = ChineseNumerals.TryRead(text, out decimal value, out int consumed);

        Assert.That(read, Is.False);
        Assert.That(value, Is.Zero);
        Assert.That(consumed, Is.Zero);
    }

    [Test]
    public void ReadsOnlyTheStartOfASlice()
    {
        const string line = "王阿姨 两份 12号";

        bool read = ChineseNumerals.TryRead(line.AsSpan(4), out decimal value, out int consumed);

        Assert.That(read, Is.True);
        Assert.That(value, Is.EqualTo(2m));
        Assert.That(consumed, Is.EqualTo(1));
    }

    [Test]
    public void ALongFractionIsReadToItsEndWithoutOverflow()
    {
        string text = "1." + new string('3', 40) + "份";

        bool read = ChineseNumerals.TryRead(text, out decimal value, out int consumed);

        Assert.That(read, Is.True);
        Assert.That(consumed, Is.EqualTo(42));
        Assert.That(value, Is.EqualTo(1.333333333333333333m));
    }

    [TestCase("12", 2)]
    [TestCase("0301室", 4)]
    [TestCase("1.5", 1)]
    [TestCase("12-301", 2)]
    [TestCase("7", 1)]
    [TestCase("123456789012345678901234", 24)]
    public void CountsDigits(string text, int expected)
    {
        bool read = ChineseNumerals.TryReadDigits(text, out int consumed);

        Assert.That(read, Is.True);
        Assert.That(consumed, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("十二")]
    [TestCase("A3")]
    [TestCase(" 1")]
    public void CountsNoDigits(string text)
    {
        bool read = ChineseNumerals.TryReadDigits(text, out int consumed);

        Assert.That(read, Is.False);
        Assert.That(consumed, Is.Zero);
    }

    [TestCase("十二号楼", "12", 2)]
    [TestCase("三", "3", 1)]
    [TestCase("十", "10", 1)]
    [TestCase("二十三栋", "23", 3)]
    [TestCase("一百零五", "105", 4)]
    [TestCase("两单元", "2", 1)]
    [TestCase("一二〇一室", "1201", 4)]
    [TestCase("〇三", "03", 2)]
    [TestCase("12", "12", 2)]
    [TestCase("012号", "012", 3)]
    [TestCase("07", "07", 2)]
    [TestCase("1201室", "1201", 4)]
    [TestCase("3.5", "3", 1)]
    [TestCase("壹拾贰", "12", 3)]
    public void ConvertsToArabic(string text, string expected, int expectedConsumed)
    {
        bool read = ChineseNumerals.TryToArabic(text, out string digits, out int consumed);

        Assert.That(read, Is.True);
        Assert.That(digits, Is.EqualTo(expected));
        Assert.That(consumed, Is.EqualTo(expectedConsumed));
    }

    [TestCase("")]
    [TestCase("半")]
    [TestCase("几号楼")]
    [TestCase("A3栋")]
    [TestCase("百")]
    public void ConvertsNothing(string text)
    {
        bool read = ChineseNumerals.TryToArabic(text, out string digits, out int consumed);

        Assert.That(read, Is.False);
        Assert.That(digits, Is.Empty);
        Assert.That(consumed, Is.Zero);
    }

    [Test]
    public void ConvertedSmallNumbersAreShared()
    {
        ChineseNumerals.TryToArabic("十二", out string fromChinese, out _);
        ChineseNumerals.TryToArabic("12", out string fromArabic, out _);

        Assert.That(fromChinese, Is.SameAs(fromArabic));
    }

    // Every value from 1 to 99 999 written out the standard way reads back to itself.
    [Test]
    public void ReadsEveryStandardSpellingBackToItsValue()
    {
        var failures = new List<string>();
        for (int n = 1; n < 100_000; n++)
        {
            string written = Spell(n);
            if (!ChineseNumerals.TryRead(written, out decimal value, out int consumed) || value != n || consumed != written.Length)
                failures.Add($"{written} → {value} ({consumed})");
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void NeverThrowsOnRandomText()
    {
        const string alphabet = "0123456789.零〇一二两俩三四五六七八九十百千万壹贰叁拾佰仟萬半几份斤 -x";
        var random = new Random(20220418);
        int read = 0;
        for (int round = 0; round < 20_000; round++)
        {
            var chars = new char[random.Next(0, 16)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = alphabet[random.Next(alphabet.Length)];

            if (ChineseNumerals.TryRead(chars, out decimal value, out int consumed))
            {
                read++;
                Assert.That(consumed, Is.InRange(1, chars.Length));
                Assert.That(value, Is.InRange(0m, ChineseNumerals.MaxValue));
            }
            if (ChineseNumerals.TryToArabic(chars, out string digits, out consumed))
            {
                Assert.That(consumed, Is.InRange(1, chars.Length));
                Assert.That(digits, Does.Match("^[0-9]+$"));
            }
        }

        Assert.That(read, Is.GreaterThan(0));
    }

    // The reference spelling: 一万零五百, 一千零五, 二十 (十 alone is written 十 only below twenty at the front).
    private static string Spell(int n)
    {
        const string digits = "零一二三四五六七八九";
        var text = new System.Text.StringBuilder();
        int[] places = [10000, 1000, 100, 10, 1];
        string[] units = ["万", "千", "百", "十", ""];
        bool pendingZero = false;
        for (int p = 0; p < places.Length; p++)
        {
            int d = n / places[p] % 10;
            if (d == 0)
            {
                pendingZero = text.Length > 0;
                continue;
            }
            if (pendingZero)
                text.Append('零');
            pendingZero = false;
            if (!(d == 1 && places[p] == 10 && text.Length == 0))
                text.Append(digits[d]);
            text.Append(units[p]);
        }
        return text.ToString();
    }
}
