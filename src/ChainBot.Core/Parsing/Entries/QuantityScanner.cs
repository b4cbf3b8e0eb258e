using ChainBot.Core.Numbers;
using ChainBot.Core.Text;

namespace ChainBot.Core.Parsing.Entries;

/// <summary>
/// Reads quantities (chain-formats.md, "What and how many"): <c>2份</c> <c>两份</c> <c>x2</c> <c>×2</c>
/// <c>*2</c> <c>X 2</c> <c>+1</c> <c>一箱</c> <c>半斤</c> <c>3斤半</c> <c>1.5kg</c> <c>二十个</c>, and bare numbers.
/// </summary>
internal static class QuantityScanner
{
    /// <summary>A bare number above this is a room, a year or noise, not a quantity.</summary>
    private const decimal MaxBare = 999m;

    /// <summary>Characters of the longest number read as a quantity (一万二千三百四十五, 99999.999).</summary>
    private const int MaxNumberLength = 12;

    /// <summary>No chain orders more than this of anything.</summary>
    private const decimal MaxWithUnit = 99_999m;

    /// <summary>Characters a quantity can start with: marks, digits, Chinese numerals and 半.</summary>
    public static bool CanStart(char c) => CharKinds.IsQuantityStart(c);

    private static readonly Unit Yuan = new("元", UnitKind.Count, 1m);

    /// <summary>
    /// An amount of money (200元, 两百元, 100块) — read only in a roster, where a top-up or a payment is what the
    /// household asks for; in an order chain 已付136元 is a remark, never a quantity.
    /// </summary>
    public static bool TryReadMoney(ReadOnlySpan<char> s, int pos, out QuantityToken token)
    {
        token = default;
        var number = s[pos..Math.Min(s.Length, pos + MaxNumberLength)];
        if (!(char.IsAsciiDigit(s[pos]) ? TryReadArabic(number, out decimal value, out int consumed)
            : ChineseNumerals.TryRead(number, out value, out consumed)) || consumed == 0)
            return false;
        int end = pos + consumed;
        if (end >= s.Length || s[end] is not ('元' or '块') || value > MaxWithUnit)
            return false;
        token = new QuantityToken(pos, end + 1, value, Yuan);
        return true;
    }

    /// <summary>Digits with an optional decimal part (2, 12, 1.5): the common case, read without decimal parsing.</summary>
    private static bool TryReadArabic(ReadOnlySpan<char> s, out decimal value, out int consumed)
    {
        const int MaxDigits = 9;
        long whole = 0;
        int i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            if (i == MaxDigits)
            {
                value = 0;
                consumed = 0;
                return false;
            }
            whole = whole * 10 + (s[i] - '0');
            i++;
        }
        if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
        {
            int start = ++i;
            long fraction = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]) && i - start < MaxDigits)
            {
                fraction = fraction * 10 + (s[i] - '0');
                i++;
            }
            value = whole + new decimal((int)fraction, 0, 0, false, (byte)(i - start));
        }
        else
        {
            value = whole;
        }
        consumed = i;
        return true;
    }

    /// <summary>
    /// Reads a quantity at <paramref name="pos"/>. A bare Arabic number is returned with a null unit; the caller
    /// decides from what follows whether it is a quantity. Chinese numerals count only with a unit (张三 is a name).
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> s, int pos, out QuantityToken token)
    {
        token = default;
        int p = pos;
        bool marked = false;
        if (s[p] is 'x' or 'X' or '×' or '*' or '+')
        {
            // x2, X 2, ×2, *2, +1 — the mark must stand alone, not end a word (box2).
            // (Ax2 is code A times two: one letter before the x is a code, two or more a word.)
            if (s[p] is 'x' or 'X' && p > 1 && char.IsAsciiLetter(s[p - 1]) && char.IsAsciiLetter(s[p - 2]))
                return false;
            p++;
            while (p < s.Length && s[p] == ' ')
                p++;
            if (p == s.Length || !char.IsAsciiDigit(s[p]))
                return false;
            marked = true;
        }

        // 斤半: a 斤 and a half, with no number before it.
        if (!marked && s[p] == '斤' && p + 1 < s.Length && s[p + 1] == '半')
        {
            token = new QuantityToken(pos, p + 2, 1.5m, Units.JinUnit);
            return true;
        }

        decimal value;
        int consumed;
        bool arabic = char.IsAsciiDigit(s[p]);
        // No quantity is longer than this: reading a run of numerals further would only make long lines quadratic.
        var number = s[p..Math.Min(s.Length, p + MaxNumberLength)];
        if (s[p] == '半')
        {
            value = 0.5m;
            consumed = 1;
        }
        else if (arabic)
        {
            if (!TryReadArabic(number, out value, out consumed))
                return false;
        }
        else if (!ChineseNumerals.TryRead(number, out value, out consumed) || consumed == 0 || consumed == MaxNumberLength)
        {
            return false;
        }
        int numberEnd = p + consumed;

        // The unit: right after the number, or after one space when it stands as its own token ("2 份").
        int q = numberEnd;
        if (q < s.Length && s[q] == ' ' && arabic)
            q++;
        Unit? unit = null;
        if (q == numberEnd && q < s.Length && s[q] == '两' && (arabic || value < 10))
        {
            // 8两: after a number, 两 is the weight (a tenth of a 斤), not "two".
            token = new QuantityToken(pos, q + 1, value * Units.Liang.Factor, Units.JinUnit);
            return value <= MaxWithUnit;
        }
        if (q < s.Length && Units.TryRead(s[q..], out var u, out int unitLength)
            && (q == numberEnd || q + unitLength == s.Length || !CharKinds.IsWordChar(s[q + unitLength]) || u.Name.Length > 1))
        {
            unit = u;
            q += unitLength;
            // 三斤半, 一斤半: a half after the unit.
            if (q < s.Length && s[q] == '半')
            {
                value += 0.5m;
                q++;
            }
            // 1斤2两, 一斤二两: 两 after the 斤 adds tenths.
            else if (u.Name == "斤" && q + 1 < s.Length && (char.IsAsciiDigit(s[q]) || "一二三四五六七八九".Contains(s[q])) && s[q + 1] == '两')
            {
                value += (char.IsAsciiDigit(s[q]) ? s[q] - '0' : "一二三四五六七八九".IndexOf(s[q]) + 1) * Units.Liang.Factor;
                q += 2;
            }
        }
        else
        {
            q = numberEnd;
        }

        if (unit is null)
        {
            if (!arabic || (marked ? value > MaxWithUnit : value > MaxBare))
                return false;
        }
        else if (value > MaxWithUnit)
        {
            return false;
        }
        token = new QuantityToken(pos, q, value, unit);
        return true;
    }
}
