using ChainBot.Core.Numbers;

namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>
/// Reads a time of day at the start of a span: <c>20:00</c>, <c>15：00</c>, <c>8:30pm</c>, <c>8点</c>, <c>8点半</c>,
/// <c>8点一刻</c>, <c>8点三刻</c>, <c>15点30</c>, <c>15点30分</c>, <c>八点</c>, <c>十二点钟</c>, <c>18时</c>, <c>8pm</c>.
/// </summary>
/// <remarks>Stateless and thread-safe; never throws.</remarks>
internal static class ClockReader
{
    /// <summary>Reads a time of day at the start of <paramref name="text"/>.</summary>
    /// <returns>False when no time of day starts there (a bare number is not a time: it needs 点, 时, : or am/pm).</returns>
    public static bool TryRead(ReadOnlySpan<char> text, out Clock clock, out int consumed)
    {
        clock = default;
        consumed = 0;
        if (!ChineseNumerals.TryReadInteger(text, out int hour, out int p) || hour > 24)
            return false;
        bool arabic = char.IsAsciiDigit(text[0]);
        bool leadingZero = arabic && p == 2 && text[0] == '0';
        int minute = 0;

        if (p < text.Length && text[p] is ':' or '：')
        {
            // 20:00, 8:30, 20:00:00 — two digits after the colon, as clocks show them.
            if (!arabic || !TryTwoDigits(text, p + 1, out minute) || minute > 59)
                return false;
            p += 3;
            if (p + 2 < text.Length && text[p] is ':' or '：' && TryTwoDigits(text, p + 1, out int second) && second <= 59)
                p += 3;
        }
        else if (p < text.Length && text[p] is '点' or '时')
        {
            bool isDian = text[p] == '点';
            p++;
            if (isDian && p < text.Length && text[p] == '钟')
                p++; // 八点钟
            p += ReadMinutes(text[p..], out minute);
        }
        else if (!StartsWithMarker(text[p..], out _, out _))
        {
            return false; // 301, 2份: a number, not a time
        }

        if (hour == 24 && minute != 0)
            return false;

        var marker = DayPeriod.None;
        if (StartsWithMarker(text[p..], out var written, out int markerLength))
        {
            if (hour is 0 or > 12)
                return false; // 13pm is not a time anyone means
            marker = written;
            p += markerLength;
        }

        clock = new Clock(hour, minute, marker, leadingZero);
        consumed = p;
        return true;
    }

    /// <summary>The minutes after 点 or 时: 半, 一刻, 三刻, 整, 30, 30分, 三十, 零五; none is :00.</summary>
    private static int ReadMinutes(ReadOnlySpan<char> text, out int minute)
    {
        minute = 0;
        if (text.IsEmpty)
            return 0;
        switch (text[0])
        {
            case '半':
                minute = 30;
                return 1;
            case '整':
                return 1;
        }
        if (!ChineseNumerals.TryReadInteger(text, out int n, out int used))
            return 0;
        if (used < text.Length && text[used] == '刻')
        {
            // 一刻 = a quarter past, 三刻 = a quarter to; other counts of 刻 are not how anyone says a time.
            if (n is < 1 or > 3)
                return 0;
            minute = n * 15;
            return used + 1;
        }
        if (n > 59)
            return 0;
        minute = n;
        return used < text.Length && text[used] == '分' ? used + 1 : used;
    }

    /// <summary>am, pm, a.m., p.m. (any case), after at most one space, not followed by another letter.</summary>
    private static bool StartsWithMarker(ReadOnlySpan<char> text, out DayPeriod marker, out int length)
    {
        marker = DayPeriod.None;
        length = 0;
        int p = !text.IsEmpty && text[0] == ' ' ? 1 : 0;
        if (p + 1 >= text.Length)
            return false;
        char first = char.ToLowerInvariant(text[p]);
        if (first is not ('a' or 'p'))
            return false;
        int q = p + 1;
        if (text[q] == '.')
            q++;
        if (q >= text.Length || char.ToLowerInvariant(text[q]) != 'm')
            return false;
        q++;
        if (q < text.Length && text[q] == '.' && text[p + 1] == '.')
            q++; // p.m.
        if (q < text.Length && char.IsAsciiLetter(text[q]))
            return false; // "Amy", "pmt"
        marker = first == 'a' ? DayPeriod.Am : DayPeriod.Pm;
        length = q;
        return true;
    }

    private static bool TryTwoDigits(ReadOnlySpan<char> text, int at, out int value)
    {
        value = 0;
        if (at + 1 >= text.Length || !char.IsAsciiDigit(text[at]) || !char.IsAsciiDigit(text[at + 1]))
            return false;
        if (at + 2 < text.Length && char.IsAsciiDigit(text[at + 2]))
            return false; // 20:000 is not a clock
        value = ((text[at] - '0') * 10) + (text[at + 1] - '0');
        return true;
    }
}
