namespace ChainBot.Core.Parsing;

/// <summary>
/// The sequence number that opens an entry line (chain-formats.md, "A chain post"): <c>1.</c> <c>1、</c> <c>1)</c>
/// <c>1，</c> <c>1 </c> and circled <c>①</c>. Reads normalized text.
/// </summary>
internal static class SequenceNumbers
{
    /// <summary>The largest sequence number read; longer digit runs are years, phone numbers or rooms.</summary>
    private const int MaxDigits = 4;

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

        int digitsStart = p;
        while (p < line.Length && char.IsAsciiDigit(line[p]))
            p++;
        int digits = p - digitsStart;
        if (digits is 0 or > MaxDigits)
            return false;
        seq = int.Parse(line[digitsStart..p], provider: System.Globalization.CultureInfo.InvariantCulture);
        if (p == line.Length)
            return false; // a number alone is not a numbered line

        char c = line[p];
        switch (c)
        {
            case '.' or '。':
                // 1.5kg is a quantity, not entry 1.
                if (p + 1 < line.Length && char.IsAsciiDigit(line[p + 1]))
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
