using ChainBot.Core.Numbers;
using ChainBot.Core.Parsing.Entries;

namespace ChainBot.Core.Parsing.Header;

/// <summary>
/// Finds prices in header lines (chain-formats.md, "A chain post": <c>68元/份</c>, <c>¥45/盒</c>, <c>单价12</c>).
/// A price struck through by a label such as 原价 or 市场价 is not the chain's price.
/// </summary>
internal static class PriceScanner
{
    private static readonly string[] Labels = ["团购价", "活动价", "单价", "价格", "售价", "团价", "现价"];

    /// <summary>Labels of a price struck through beside the chain's own (原价108): not the price.</summary>
    internal static readonly string[] StruckLabels = ["原价", "市场价", "零售价", "超市价", "划线价", "专柜价", "门店价"];

    /// <summary>True when the line holds at least one price.</summary>
    public static bool HasPrice(ReadOnlySpan<char> line)
    {
        return Find(line, new Price[1]) > 0;
    }

    /// <summary>Writes the prices of <paramref name="line"/> into <paramref name="prices"/>; returns how many.</summary>
    public static int Find(ReadOnlySpan<char> line, Span<Price> prices)
    {
        int count = 0;
        int i = 0;
        while (i < line.Length && count < prices.Length)
        {
            if (TryReadAt(line, i, out var price))
            {
                if (!IsStruckThrough(line, price.Start))
                    prices[count++] = price;
                i = price.End;
            }
            else
            {
                i++;
            }
        }
        return count;
    }

    /// <summary>True when the price at <paramref name="start"/> is the one a struck label (原价108) gives.</summary>
    private static bool IsStruckThrough(ReadOnlySpan<char> line, int start)
    {
        var before = line[Math.Max(0, start - 6)..start];
        foreach (string label in StruckLabels)
        {
            int i = before.LastIndexOf(label, StringComparison.Ordinal);
            if (i >= 0 && before[(i + label.Length)..].Trim(" :：¥￥").IsEmpty)
                return true;
        }
        return false;
    }

    private static bool TryReadAt(ReadOnlySpan<char> s, int i, out Price price)
    {
        price = default;
        char c = s[i];

        // ¥45/盒, ￥45
        if (c is '¥' or '￥' or '$')
            return TryReadAmount(s, i, i + 1, out price);

        // 单价12, 价格：68元/份
        foreach (string label in Labels)
        {
            if (!s[i..].StartsWith(label, StringComparison.Ordinal))
                continue;
            int p = i + label.Length;
            if (p < s.Length && s[p] is ':' or '：')
                p++;
            SkipSpaces(s, ref p);
            if (p < s.Length && s[p] is '¥' or '￥')
                p++;
            return TryReadAmount(s, i, p, out price);
        }

        // 每份68元
        if (c == '每' && i + 1 < s.Length && Units.TryRead(s[(i + 1)..], out var perUnit, out int unitLength))
        {
            int p = i + 1 + unitLength;
            SkipSpaces(s, ref p);
            if (ReadNumber(s, p, out decimal value, out int end) && end < s.Length && s[end] is '元' or '块')
            {
                price = new Price(i, end + 1, value, perUnit.Name);
                return true;
            }
            return false;
        }

        // 68元/份, 12元一份, 45元
        if (char.IsAsciiDigit(c) && (i == 0 || !char.IsAsciiDigit(s[i - 1]) && s[i - 1] != '.'))
        {
            if (!ReadNumber(s, i, out decimal value, out int end))
                return false;
            int p = end;
            SkipSpaces(s, ref p);
            if (p < s.Length && s[p] == '元')
            {
                price = new Price(i, ReadPerUnit(s, p + 1, out string? unit), value, unit);
                return true;
            }
            // 5块钱, 5块/份: 块 is money only with 钱 or a unit after it (豆腐2块 is two pieces).
            if (p < s.Length && s[p] == '块')
            {
                if (p + 1 < s.Length && s[p + 1] == '钱')
                {
                    price = new Price(i, ReadPerUnit(s, p + 2, out string? unit), value, unit);
                    return true;
                }
                int end2 = ReadPerUnit(s, p + 1, out string? pieceUnit);
                if (pieceUnit is not null)
                {
                    price = new Price(i, end2, value, pieceUnit);
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The amount after a currency sign or a label: a number, 元 or 块, and a unit priced (45元/盒).</summary>
    private static bool TryReadAmount(ReadOnlySpan<char> s, int start, int p, out Price price)
    {
        price = default;
        SkipSpaces(s, ref p);
        if (!ReadNumber(s, p, out decimal value, out int end))
            return false;
        if (end < s.Length && s[end] is '元' or '块')
            end++;
        price = new Price(start, ReadPerUnit(s, end, out string? unit), value, unit);
        return true;
    }

    /// <summary>/份, 一份, 每份, /1份 after a price.</summary>
    private static int ReadPerUnit(ReadOnlySpan<char> s, int p, out string? unit)
    {
        unit = null;
        int q = p;
        SkipSpaces(s, ref q);
        if (q < s.Length && s[q] is '/' or '一' or '每')
        {
            q++;
            if (q < s.Length && s[q] == '1')
                q++;
            if (q < s.Length && Units.TryRead(s[q..], out var u, out int length))
            {
                unit = u.Name;
                return q + length;
            }
        }
        return p;
    }

    private static bool ReadNumber(ReadOnlySpan<char> s, int p, out decimal value, out int end)
    {
        value = 0;
        end = p;
        if (p >= s.Length || !char.IsAsciiDigit(s[p]))
            return false;
        if (!ChineseNumerals.TryRead(s[p..], out value, out int consumed))
            return false;
        end = p + consumed;
        return value >= 0 && value < 1_000_000m;
    }

    private static void SkipSpaces(ReadOnlySpan<char> s, ref int p)
    {
        while (p < s.Length && s[p] == ' ')
            p++;
    }
}
