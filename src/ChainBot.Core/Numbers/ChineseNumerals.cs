using System.Buffers;
using System.Globalization;
using ChainBot.Core.Text;

namespace ChainBot.Core.Numbers;

/// <summary>
/// Reads the numbers people type in chains: Arabic digits (<c>12</c>, <c>1.5</c>) and Chinese numerals
/// (<c>两</c>, <c>十二</c>, <c>一百零五</c>, <c>三千五</c>, <c>壹拾</c>, <c>二〇二二</c>), and <c>半</c> for one half.
/// </summary>
/// <remarks>
/// <para>Every method reads at the start of a span and reports how many characters it used, so a scanner can go on
/// from there without slicing strings. None of them throws on any input.</para>
/// <para>The text is expected to be folded by <see cref="Text.TextNormalizer"/> first (full-width digits become
/// ASCII), so only ASCII digits are read as Arabic digits.</para>
/// <para>Stateless and thread-safe.</para>
/// </remarks>
public static class ChineseNumerals
{
    /// <summary>The largest value <see cref="TryRead"/> accepts; anything above is not a quantity a person typed.</summary>
    public const decimal MaxValue = 1_000_000_000m;

    // Fraction digits beyond this change nothing a chain cares about and could overflow decimal's scale.
    private const int MaxFractionDigits = 18;

    // An integer part longer than this (leading zeros aside) is above MaxValue.
    private const int MaxIntegerDigits = 10;

    /// <summary>Characters a number can start with: what a scanner dispatches on before calling in here.</summary>
    internal static readonly SearchValues<char> OpeningCharacters =
        SearchValues.Create("0123456789零〇一二两俩三四五六七八九十壹贰貳叁叄肆伍陆陸柒捌玖拾半");

    /// <summary>Characters a Chinese integer can start with (no 半, no Arabic digits).</summary>
    internal static readonly SearchValues<char> ChineseOpeningCharacters =
        SearchValues.Create("零〇一二两俩三四五六七八九十壹贰貳叁叄肆伍陆陸柒捌玖拾");

    // Small numbers are by far the most common building numbers: hand out the same strings instead of allocating.
    private static readonly string[] SmallNumbers = CreateSmallNumbers(128);

    private static string[] CreateSmallNumbers(int count)
    {
        var numbers = new string[count];
        for (int i = 0; i < count; i++)
            numbers[i] = i.ToString(CultureInfo.InvariantCulture);
        return numbers;
    }

    /// <summary>
    /// Reads a number at the start of <paramref name="text"/>: Arabic digits with an optional decimal part
    /// (<c>12</c>, <c>1.5</c>; in <c>1.</c> only the <c>1</c> is read), Chinese numerals (<c>十二</c> = 12,
    /// <c>两百</c> = 200, <c>一百零五</c> = 105, <c>三千五</c> = 3500, <c>一万</c> = 10000), or <c>半</c> alone = 0.5.
    /// </summary>
    /// <param name="text">Normalized text; only its start is looked at.</param>
    /// <param name="value">The number read, or 0.</param>
    /// <param name="consumed">How many characters the number used, or 0.</param>
    /// <returns>
    /// False when no number starts there (<c>几</c>, <c>百</c> alone, a letter) or the number is above
    /// <see cref="MaxValue"/>. Never throws.
    /// </returns>
    /// <remarks>
    /// Two different plain digits side by side (<c>三四个</c>, "three or four") are an estimate: only the first is read.
    /// Three or more plain digits, or two with a zero (<c>二〇二二</c>, <c>一二〇一</c>, <c>零五</c>), are read digit by digit.
    /// </remarks>
    public static bool TryRead(ReadOnlySpan<char> text, out decimal value, out int consumed)
    {
        if (text.IsEmpty)
        {
            value = 0;
            consumed = 0;
            return false;
        }
        if (char.IsAsciiDigit(text[0]))
            return TryReadArabic(text, out value, out consumed);
        if (text[0] == '半')
        {
            value = 0.5m;
            consumed = 1;
            return true;
        }
        if (TryReadChinese(text, out long whole, out consumed, out _))
        {
            value = whole;
            return true;
        }
        value = 0;
        return false;
    }

    /// <summary>
    /// Counts the ASCII digits at the start of <paramref name="text"/> (no decimal point): building and room numbers.
    /// The caller slices <c>text[..consumed]</c> to keep the digits as written, leading zeros included.
    /// </summary>
    /// <param name="text">Normalized text; only its start is looked at.</param>
    /// <param name="consumed">How many digits start the text, or 0.</param>
    /// <returns>False when the text does not start with a digit.</returns>
    public static bool TryReadDigits(ReadOnlySpan<char> text, out int consumed)
    {
        consumed = CharKinds.LeadingDigits(text);
        return consumed > 0;
    }

    /// <summary>
    /// Reads a building, floor or entrance number at the start of <paramref name="text"/> as Arabic digits:
    /// <c>十二</c> → <c>"12"</c>, <c>三</c> → <c>"3"</c>, <c>一二〇一</c> → <c>"1201"</c>; Arabic digits stay as written
    /// (<c>012</c> → <c>"012"</c>). No decimal part and no <c>半</c>: a building is never a fraction.
    /// </summary>
    /// <param name="text">Normalized text; only its start is looked at.</param>
    /// <param name="digits">The number as ASCII digits, or the empty string.</param>
    /// <param name="consumed">How many characters were used, or 0.</param>
    /// <returns>False when no whole number starts there.</returns>
    public static bool TryToArabic(ReadOnlySpan<char> text, out string digits, out int consumed)
    {
        if (TryReadDigits(text, out consumed))
        {
            var run = text[..consumed];
            // "7" and "12" come from the cache; "07" keeps its zero, so it is a new string.
            digits = run.Length <= 2 && run[0] != '0' && ParseDigits(run) is int small && small < SmallNumbers.Length
                ? SmallNumbers[small]
                : new string(run);
            return true;
        }
        if (TryReadChinese(text, out long value, out consumed, out bool positional))
        {
            // Written digit by digit (一二〇一, 〇三), the digits are kept as written, leading zero included.
            digits = positional ? DigitsAsWritten(text[..consumed])
                : value < SmallNumbers.Length ? SmallNumbers[value]
                : value.ToString(CultureInfo.InvariantCulture);
            return true;
        }
        digits = string.Empty;
        return false;
    }

    /// <summary>The value of a Chinese digit character (零 = 0 … 九 = 9, 两 = 2, 壹 = 1 …), or -1.</summary>
    internal static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' or '壹' => 1,
        '二' or '两' or '俩' or '贰' or '貳' => 2,
        '三' or '叁' or '叄' => 3,
        '四' or '肆' => 4,
        '五' or '伍' => 5,
        '六' or '陆' or '陸' => 6,
        '七' or '柒' => 7,
        '八' or '捌' => 8,
        '九' or '玖' => 9,
        _ => -1,
    };

    /// <summary>The value of a Chinese unit character (十 = 10, 百 = 100, 千 = 1000, 万 = 10000), or 0.</summary>
    internal static int UnitValue(char c) => c switch
    {
        '十' or '拾' => 10,
        '百' or '佰' => 100,
        '千' or '仟' => 1000,
        '万' or '萬' => 10000,
        _ => 0,
    };

    /// <summary>
    /// Reads a whole number at the start of <paramref name="text"/>: ASCII digits or Chinese numerals, no decimal
    /// part, no 半. Used by scanners that need an integer (hours, days, months).
    /// </summary>
    internal static bool TryReadInteger(ReadOnlySpan<char> text, out int value, out int consumed)
    {
        if (TryReadDigits(text, out consumed))
        {
            // Leading zeros aside, more than 9 digits cannot be an int a scanner wants.
            var run = text[..consumed].TrimStart('0');
            if (run.Length > 9)
            {
                value = 0;
                return false;
            }
            value = ParseDigits(run);
            return true;
        }
        if (TryReadChinese(text, out long whole, out consumed, out _) && whole <= int.MaxValue)
        {
            value = (int)whole;
            return true;
        }
        value = 0;
        consumed = 0;
        return false;
    }

    private static bool TryReadArabic(ReadOnlySpan<char> text, out decimal value, out int consumed)
    {
        TryReadDigits(text, out int whole);
        int end = whole;
        int fraction = 0;
        // "1.5" has a decimal part; "1." does not (the dot ends a sentence or a sequence number).
        if (whole < text.Length - 1 && text[whole] == '.' && char.IsAsciiDigit(text[whole + 1]))
        {
            TryReadDigits(text[(whole + 1)..], out fraction);
            end = whole + 1 + fraction;
        }

        var integerDigits = text[..whole].TrimStart('0');
        if (integerDigits.Length > MaxIntegerDigits)
        {
            value = 0;
            consumed = 0;
            return false;
        }
        long integer = 0;
        foreach (char c in integerDigits)
            integer = (integer * 10) + (c - '0');

        decimal result = integer;
        if (fraction > 0)
        {
            var fractionDigits = text.Slice(whole + 1, Math.Min(fraction, MaxFractionDigits));
            long numerator = 0;
            foreach (char c in fractionDigits)
                numerator = (numerator * 10) + (c - '0');
            result += new decimal(
                (int)(numerator & 0xFFFFFFFF), (int)(numerator >> 32), 0, false, (byte)fractionDigits.Length);
        }

        if (result > MaxValue)
        {
            value = 0;
            consumed = 0;
            return false;
        }
        value = result;
        consumed = end;
        return true;
    }

    /// <summary>
    /// Reads Chinese numerals at the start of <paramref name="text"/> (never Arabic digits, never 半).
    /// <paramref name="positional"/> is true when the number was written digit by digit (二〇二二).
    /// </summary>
    private static bool TryReadChinese(ReadOnlySpan<char> text, out long value, out int consumed, out bool positional)
    {
        value = 0;
        consumed = 0;
        positional = false;
        if (text.IsEmpty || (DigitValue(text[0]) < 0 && UnitValue(text[0]) != 10))
            return false; // 百, 千, 万 cannot open a number; 十 can (十二 = 12)

        // A run of plain digits with no unit between them.
        int run = 0;
        bool runHasZero = false;
        // Counting stops one past the longest run accepted, so a wall of numerals costs the same as a short one.
        while (run < text.Length && run <= MaxIntegerDigits && DigitValue(text[run]) is int d && d >= 0)
        {
            runHasZero |= d == 0;
            run++;
        }
        if (run >= 3 || (run == 2 && runHasZero))
        {
            // Years and room numbers written digit by digit: 二〇二二年, 一二〇一室, 八点零五.
            if (run > MaxIntegerDigits)
                return false;
            long digits = 0;
            for (int k = 0; k < run; k++)
                digits = (digits * 10) + DigitValue(text[k]);
            if (digits > (long)MaxValue)
                return false;
            value = digits;
            consumed = run;
            positional = true;
            return true;
        }
        if (run == 2)
        {
            // 三四个 is "three or four": read the first, let the caller see the rest.
            value = DigitValue(text[0]);
            consumed = 1;
            return true;
        }
        if (run == 1 && DigitValue(text[0]) == 0)
        {
            value = 0; // 零点 = 0 o'clock
            consumed = 1;
            return true;
        }
        return TryReadWithUnits(text, out value, out consumed);
    }

    /// <summary>十二, 二十五, 一百零五, 三千五, 一万二千: digits scaled by 十/百/千 within a group of four, 万 above.</summary>
    private static bool TryReadWithUnits(ReadOnlySpan<char> text, out long value, out int consumed)
    {
        long myriads = 0;       // what 万 has already scaled
        long section = 0;       // below 万
        int pending = -1;       // a digit waiting for its unit
        int smallestUnit = 10000; // units in a section must fall: 千 before 百 before 十
        int lastUnit = 0;
        bool afterZero = false; // 零 marks a skipped place: 一百零五 = 105, not 150
        int goodEnd = 0;
        long goodValue = 0;

        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            int d = DigitValue(c);
            if (d == 0)
            {
                if (afterZero || pending >= 0 || lastUnit == 0)
                    break;
                afterZero = true;
                continue; // a trailing 零 is not part of the number: the good end stays before it
            }
            if (d > 0)
            {
                if (pending >= 0)
                    break; // 二十五六: two digits in a row end the number
                pending = d;
                // A digit after a unit with nothing after it is short for the next place down:
                // 三千五 = 3500, 一百二 = 120, 一万五 = 15000, but 二十五 = 25 and 一百零五 = 105.
                long scale = afterZero || lastUnit <= 10 ? 1 : lastUnit / 10;
                goodEnd = i + 1;
                goodValue = myriads + section + (pending * scale);
                continue;
            }
            int u = UnitValue(c);
            if (u == 0)
                break;
            if (u == 10000)
            {
                long group = section + Math.Max(pending, 0);
                if (myriads > 0 || group == 0)
                    break; // 万 only once, and never alone
                myriads = group * 10000;
                section = 0;
                smallestUnit = 10000;
            }
            else
            {
                if (u >= smallestUnit)
                    break; // 十十, 百千: not a number any more
                if (pending < 0)
                {
                    if (u != 10)
                        break; // 百 needs its digit; 十 alone means 一十
                    pending = 1;
                }
                section += pending * u;
                smallestUnit = u;
            }
            pending = -1;
            lastUnit = u;
            afterZero = false;
            goodEnd = i + 1;
            goodValue = myriads + section;
        }

        value = goodValue;
        consumed = goodEnd;
        return goodEnd > 0;
    }

    private static string DigitsAsWritten(ReadOnlySpan<char> numerals)
    {
        Span<char> buffer = stackalloc char[MaxIntegerDigits];
        int n = Math.Min(numerals.Length, buffer.Length);
        for (int i = 0; i < n; i++)
            buffer[i] = (char)('0' + DigitValue(numerals[i]));
        return new string(buffer[..n]);
    }

    private static int ParseDigits(ReadOnlySpan<char> digits)
    {
        int value = 0;
        foreach (char c in digits)
            value = (value * 10) + (c - '0');
        return value;
    }
}
