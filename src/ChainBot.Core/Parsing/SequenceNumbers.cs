namespace ChainBot.Core.Parsing;

/// <summary>
/// The sequence number that opens an entry line (chain-formats.md, "A chain post"): <c>1.</c> <c>1、</c> <c>1)</c>
/// <c>1，</c> <c>1 </c>, <c>(1)</c> <c>（1）</c>, circled <c>①</c> and keycaps (<c>1⃣️</c>, read as <c>1 </c>
/// once normalized). Reads normalized text.
/// </summary>
internal static class SequenceNumbers
{
    /// <summary>Digits in a sequence number: generated chains run to six figures; longer runs are phone or order numbers.</summary>
    private const int MaxDigits = 6;

    /// <summary>
    /// Reads a sequence number at the start of <paramref name="line"/> (after leading spaces).
    /// </summary>
    /// <param name="line">A normalized line.</param>
    /// <param name="seq">The number written.</param>
    /// <param name="bodyStart">Where the entry text after the number starts.</param>
    public static bool TryRead(ReadOnlySpan<char> line, out int seq, out int bodyStart)
    {
        seq = 0;
        bodyStart = 0;
        int p = 0;
        while (p < line.Length && line[p] == ' ')
            p++;
        if (p == line.Length)
            return false;

        if (TryCircled(line[p], out seq))
        {
            bodyStart = p + 1;
            return true;
        }

        // (1) and （1）: the number in brackets.
        if (line[p] is '(' or '（')
        {
            int q = p + 1;
            while (q < line.Length && char.IsAsciiDigit(line[q]) && q - p <= MaxDigits)
                q++;
            if (q == p + 1 || q >= line.Length || line[q] is not (')' or '）'))
                return false;
            foreach (char d in line[(p + 1)..q])
                seq = seq * 10 + (d - '0');
            bodyStart = q + 1;
            return true;
        }

        // 138 1234 5678 …: a phone number at the start of a line is no sequence number.
        if (line[p] == '1' && Text.PhoneNumbers.TryFind(line[p..Math.Min(line.Length, p + 16)], out int phoneAt, out _) && phoneAt == 0)
            return false;

        int digitsStart = p;
        while (p < line.Length && char.IsAsciiDigit(line[p]))
            p++;
        int digits = p - digitsStart;
        if (digits is 0 or > MaxDigits)
            return false;
        foreach (char d in line[digitsStart..p])
            seq = seq * 10 + (d - '0');
        if (p == line.Length)
            return false; // a number alone is not a numbered line

        char c = line[p];
        switch (c)
        {
            case '.' or '。':
                // "1.17-301" and "1.12号301" are entry 1; "1.5kg", "2.5" and "4.20 15:00" are not.
                if (p + 1 < line.Length && char.IsAsciiDigit(line[p + 1]) && !IsNumberedAddress(line[(p + 1)..]))
                    return false;
                break;
            case '、' or ')' or ',' or '，' or '）':
                break;
            case ' ':
                // "1 张三": a number, a space, then text that is not a unit of a quantity ("1 份").
                if (Entries.Units.IsWholeUnitToken(line[(p + 1)..].TrimStart(' ')))
                    return false;
                bodyStart = p + 1;
                return true;
            default:
                return false;
        }
        bodyStart = p + 1;
        return true;
    }

    /// <summary>
    /// After "N." with no space: digits that go on as an address or a name (17-301, 12号, 1201 张三),
    /// not as a decimal quantity (5kg, 5斤, 5), a date or a time (20 15:00).
    /// </summary>
    private static bool IsNumberedAddress(ReadOnlySpan<char> rest)
    {
        int d = 0;
        while (d < rest.Length && char.IsAsciiDigit(rest[d]))
            d++;
        if (d == rest.Length)
            return false;
        char c = rest[d];
        if (c is '-' or '#' or '/' or '号' or '栋' or '幢' or '座' or '单')
            return true;
        if (c == ' ')
            return d + 1 < rest.Length && !char.IsAsciiDigit(rest[d + 1]) && !Entries.Units.IsWholeUnitToken(rest[(d + 1)..]);
        return Text.CharKinds.IsHan(c) && !Entries.Units.StartsWithUnit(rest[d..]) && c is not ('点' or '日' or '月' or '元' or '块');
    }

    /// <summary>①–⑳, ㉑–㉟, ㊱–㊿.</summary>
    public static bool TryCircled(char c, out int value)
    {
        value = c switch
        {
            >= '\u2460' and <= '\u2473' => c - '\u2460' + 1,
            >= '\u3251' and <= '\u325F' => c - '\u3251' + 21,
            >= '\u32B1' and <= '\u32BF' => c - '\u32B1' + 36,
            _ => 0,
        };
        return value > 0;
    }

    /// <summary>
    /// In a chain flattened onto one line (<c>1. 2. 王 3. 李 1份</c>), finds where entry <paramref name="next"/>
    /// starts in <paramref name="body"/>: the number, then <c>.</c> or <c>、</c>, then a space or the end, at the
    /// start or after a space.
    /// </summary>
    public static int FindNext(ReadOnlySpan<char> body, int next)
    {
        // Most entries hold no second number mark: skip the search for them.
        if (body.IndexOfAny('.', '、', '。') < 0)
            return -1;
        Span<char> number = stackalloc char[12];
        if (!next.TryFormat(number, out int n, provider: System.Globalization.CultureInfo.InvariantCulture))
            return -1;
        var digits = number[..n];
        int from = 0;
        while (from < body.Length)
        {
            int i = body[from..].IndexOf(digits);
            if (i < 0)
                return -1;
            i += from;
            int after = i + n;
            bool startsToken = i == 0 || body[i - 1] == ' ';
            bool marked = after < body.Length && body[after] is '.' or '、' or '。';
            bool ends = after + 1 >= body.Length || body[after + 1] == ' ';
            if (startsToken && marked && ends)
                return i;
            from = i + 1;
        }
        return -1;
    }
}
