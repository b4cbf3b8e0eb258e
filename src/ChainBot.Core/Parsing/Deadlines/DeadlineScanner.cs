using System.Buffers;
using ChainBot.Core.Numbers;

namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>
/// Reads what one line says about a deadline (a date, a time of day, a part of the day) into
/// <see cref="DeadlineParts"/>, in one pass over the span. Resolving it against the message's time is
/// <see cref="DeadlineResolver"/>'s job.
/// </summary>
/// <remarks>
/// Like Markdig's block parsers, the scanner only stops at characters a date, a time or a deadline word can start
/// with (<see cref="OpeningCharacters"/>) and skips everything else with one vectorized search. Each number it
/// passes is skipped whole, so 301 is never read again as 01. Stateless and thread-safe; never throws.
/// </remarks>
internal static class DeadlineScanner
{
    // Punctuation that ends a clause: 8点前截单，明天下午发货 — the second clause is about delivery, not the deadline.
    private const string ClauseBreaks = "，,；;。！!？?";

    /// <summary>Characters a date, a time or a deadline word can start with, and the clause breaks the scanner heeds.</summary>
    public static readonly SearchValues<char> OpeningCharacters = SearchValues.Create(
        "0123456789零〇一二两俩三四五六七八九十壹贰貳叁叄肆伍陆陸柒捌玖拾" + ClauseBreaks + new string([.. DeadlineWord.ByFirstChar.Keys]));

    // A range of times (9:00-20:00, 7点至8点): a chain open over a range closes at its end.
    private const string RangeMarks = "-~至到";

    // 还差一点, 快一点, 晚一点: "a little", not one o'clock.
    private const string LittleBefore = "差快慢多少好早晚大小有些";

    // After 号 or 日 these make the number a building, not a day: 12号楼, 12号301, 3号-201.
    private static readonly SearchValues<char> AddressAfterDay = SearchValues.Create("0123456789楼栋幢座单元院门室#-/");

    /// <summary>Reads <paramref name="line"/>; the first date and the first time of day in it win.</summary>
    public static DeadlineParts Scan(ReadOnlySpan<char> line)
    {
        var parts = default(DeadlineParts);
        var lastPeriod = DayPeriod.None;
        int lastReadEnd = 0;
        int i = 0;
        while (i < line.Length)
        {
            int next = line[i..].IndexOfAny(OpeningCharacters);
            if (next < 0)
                break;
            i += next;

            if (ClauseBreaks.Contains(line[i], StringComparison.Ordinal))
            {
                if (EndsTheDeadline(line[lastReadEnd..i], parts))
                    break;
                i++;
                continue;
            }

            int used;
            bool read = TryReadWord(line[i..], ref parts, ref lastPeriod, out used)
                || TryReadNumberLed(line, i, ref parts, ref lastPeriod, out used);
            if (read)
            {
                FollowedByBefore(line[(i + used)..], ref parts);
                lastReadEnd = i + used;
            }
            i += Math.Max(used, 1);
        }
        if (!parts.HasClock)
            parts.Period = lastPeriod;
        return parts;
    }

    /// <summary>
    /// At a clause break: the deadline is complete once a time of day has been read (截止时间：今晚8点，过时不候), or once
    /// a date was followed by a deadline word in its clause (周三前截单，周四下午到货). Otherwise the next clause may still
    /// finish it (截止时间：4月20日，晚上8点).
    /// </summary>
    private static bool EndsTheDeadline(ReadOnlySpan<char> sinceLastRead, in DeadlineParts parts)
        => parts.HasClock
            || (parts.StatesTime && (sinceLastRead.Contains('前') || sinceLastRead.ContainsAny(DeadlineWord.DeadlineKeywords)));

    /// <summary>今天, 明早, 下午, 晚 (before a number), 周三, 下星期一 …</summary>
    private static bool TryReadWord(ReadOnlySpan<char> text, ref DeadlineParts parts, ref DayPeriod lastPeriod, out int used)
    {
        used = 0;
        if (!DeadlineWord.ByFirstChar.TryGetValue(text[0], out var words))
            return false;
        foreach (var word in words)
        {
            if (!text.StartsWith(word.Text, StringComparison.Ordinal))
                continue;
            int end = word.Text.Length;
            switch (word.Kind)
            {
                case DeadlineWordKind.Day:
                    if (parts.Date == DateForm.None)
                    {
                        parts.Date = DateForm.Relative;
                        parts.DayOffset = word.DayOffset;
                    }
                    if (word.Period != DayPeriod.None)
                        SeePeriod(word.Period, ref parts, ref lastPeriod);
                    break;
                case DeadlineWordKind.ShortPeriod:
                    // 晚8点, 早10点; but 晚饭, 尽早 and 晚一点 ("a bit later") are not times.
                    if (!ClockReader.TryRead(text[end..], out _, out _) || text[end..].StartsWith("一点", StringComparison.Ordinal))
                        continue;
                    SeePeriod(word.Period, ref parts, ref lastPeriod);
                    break;
                case DeadlineWordKind.Period:
                    SeePeriod(word.Period, ref parts, ref lastPeriod);
                    break;
                case DeadlineWordKind.Week:
                    if (end >= text.Length || DeadlineWord.WeekdayOf(text[end]) is not (int day and >= 0))
                        continue; // 周末, 周边, 下周: no day named
                    if (end + 1 < text.Length && char.IsAsciiDigit(text[end]) && char.IsAsciiDigit(text[end + 1]))
                        continue; // 周12…: a number, not a weekday
                    if (parts.Date == DateForm.None)
                    {
                        parts.Date = DateForm.Weekday;
                        parts.Weekday = (DayOfWeek)day;
                        parts.Week = word.Week;
                    }
                    end++;
                    break;
            }
            used = end;
            return true;
        }
        return false;
    }

    private static void SeePeriod(DayPeriod period, ref DeadlineParts parts, ref DayPeriod lastPeriod)
    {
        // The part of the day nearest before the time applies to it (明天上午9:30); one after it (8点 晚上) only
        // when the time had none.
        if (!parts.HasClock)
            lastPeriod = period;
        else if (parts.Period == DayPeriod.None)
            parts.Period = period;
    }

    /// <summary>Dates and times that start with a number; <paramref name="used"/> skips the number when it is neither.</summary>
    private static bool TryReadNumberLed(ReadOnlySpan<char> line, int start, ref DeadlineParts parts, ref DayPeriod lastPeriod, out int used)
    {
        var text = line[start..];
        bool arabic = char.IsAsciiDigit(text[0]);
        if (!ChineseNumerals.TryReadInteger(text, out int n, out int length))
        {
            // A run of digits too long for any date or time: skip all of it at once.
            used = arabic && ChineseNumerals.TryReadDigits(text, out int digits) ? digits : 1;
            return false;
        }
        used = length;
        char after = length < text.Length ? text[length] : '\0';
        switch (after)
        {
            case '年':
                return TryReadYearMonthDay(text, n, length, ref parts, ref used);
            case '月':
                return TryReadMonthDay(text, year: 0, month: n, at: length + 1, ref parts, ref used);
            case '-' or '/' or '.' when arabic:
                if (after == '.' && lastPeriod != DayPeriod.None && TryReadDottedClock(text, n, length, ref parts, lastPeriod, ref used))
                    return true; // 晚上8.30
                return TryReadNumericDate(line, start, n, length, ref parts, ref used);
            case '号' or '日':
                return TryReadDayOfMonth(line, start, n, length, ref parts, ref used);
        }
        if (IsALittle(line, start) || !ClockReader.TryRead(text, out var clock, out int clockLength))
            return false;
        bool first = !parts.HasClock;
        SetClock(clock, ref parts, lastPeriod);
        used = clockLength;
        if (first)
            used += ReadRangeEnd(text[clockLength..], ref parts);
        return true;
    }

    /// <summary>一点 after 差, 快, 多 … or before 点/儿 (一点点, 一点儿) means "a little".</summary>
    private static bool IsALittle(ReadOnlySpan<char> line, int start)
    {
        if (line[start] != '一' || start + 1 >= line.Length || line[start + 1] != '点')
            return false;
        return (start > 0 && LittleBefore.Contains(line[start - 1], StringComparison.Ordinal))
            || (start + 2 < line.Length && line[start + 2] is '点' or '儿');
    }

    /// <summary>
    /// After a first time of day: the end of a range (9:00-20:00, 下午2点-4点, 上午9点至晚上8点) replaces it, because a
    /// chain open over a range closes at its end. Returns the characters used, or 0.
    /// </summary>
    private static int ReadRangeEnd(ReadOnlySpan<char> text, ref DeadlineParts parts)
    {
        var rest = SkipGap(text);
        if (rest.IsEmpty || !RangeMarks.Contains(rest[0], StringComparison.Ordinal))
            return 0;
        rest = SkipGap(rest[1..]);
        var period = DayPeriod.None;
        if (!rest.IsEmpty && DeadlineWord.ByFirstChar.TryGetValue(rest[0], out var words))
        {
            foreach (var word in words)
            {
                if (word.Kind is DeadlineWordKind.Period or DeadlineWordKind.ShortPeriod && rest.StartsWith(word.Text, StringComparison.Ordinal))
                {
                    period = word.Period;
                    rest = rest[word.Text.Length..];
                    break;
                }
            }
        }
        if (!ClockReader.TryRead(rest, out var end, out int endLength))
            return 0;
        parts.Clock = end;
        if (end.Marker != DayPeriod.None)
            parts.Period = end.Marker;
        else if (period != DayPeriod.None)
            parts.Period = period;
        return text.Length - rest.Length + endLength;
    }

    private static void SetClock(Clock clock, ref DeadlineParts parts, DayPeriod lastPeriod)
    {
        if (parts.HasClock)
            return;
        parts.HasClock = true;
        parts.Clock = clock;
        parts.Period = clock.Marker != DayPeriod.None ? clock.Marker : lastPeriod;
    }

    /// <summary>2022年4月20日, 二〇二二年四月二十日 (the 日 may be 号 or left out).</summary>
    private static bool TryReadYearMonthDay(ReadOnlySpan<char> text, int year, int length, ref DeadlineParts parts, ref int used)
    {
        int p = length + 1;
        if (!ChineseNumerals.TryReadInteger(text[p..], out int month, out int monthLength)
            || p + monthLength >= text.Length || text[p + monthLength] != '月')
        {
            used = p; // 2022年 alone is not a deadline
            return false;
        }
        return TryReadMonthDay(text, year, month, p + monthLength + 1, ref parts, ref used);
    }

    /// <summary>4月20日, 4月20号, 4月20 (the month has been read; <paramref name="at"/> is just after 月).</summary>
    private static bool TryReadMonthDay(ReadOnlySpan<char> text, int year, int month, int at, ref DeadlineParts parts, ref int used)
    {
        if (!ChineseNumerals.TryReadInteger(text[at..], out int day, out int dayLength))
        {
            used = at; // 4月, 4月底: no day, no deadline
            return false;
        }
        int end = at + dayLength;
        if (end < text.Length && text[end] is '日' or '号')
            end++;
        SetCalendarDate(year, month, day, ref parts);
        used = end;
        return true;
    }

    /// <summary>2022-04-20, 2022/4/20, 2022.4.20; and without a year 4.20, 4/20, 4-20 where the line makes it a deadline.</summary>
    private static bool TryReadNumericDate(ReadOnlySpan<char> line, int start, int first, int firstLength, ref DeadlineParts parts, ref int used)
    {
        var text = line[start..];
        char separator = text[firstLength];
        int p = firstLength + 1;
        if (!ReadOneOrTwoDigits(text, p, out int second, out int secondLength))
            return false;
        p += secondLength;

        if (firstLength == 4)
        {
            // 2022-04-20: a year, so the date is certain whatever follows.
            if (p >= text.Length || text[p] != separator || !ReadOneOrTwoDigits(text, p + 1, out int day, out int dayLength))
                return false;
            p += 1 + dayLength;
            if (p < text.Length && char.IsAsciiDigit(text[p]))
                return false;
            SetCalendarDate(first, second, day, ref parts);
            used = p;
            return true;
        }

        // Without a year the same shape is an address (12-301, 3-2-201), a range (8-9个) or a price (5.5元):
        // it is a date only with a time after it (4.20 15:00) or a deadline word around it (截止4.20, 4.20前).
        if (firstLength > 2 || first is < 1 or > 12 || second is < 1 or > 31)
            return false;
        if (p < text.Length && (char.IsAsciiDigit(text[p]) || (text[p] == separator && p + 1 < text.Length && char.IsAsciiDigit(text[p + 1]))))
            return false;
        if (p < text.Length && text[p] is '日' or '号')
            p++;
        if (!IsDeadlineContext(line, start, start + p))
            return false;
        SetCalendarDate(0, first, second, ref parts);
        used = p;
        return true;
    }

    /// <summary>8.30 read as 8:30 where a part of the day comes just before it (晚上8.30).</summary>
    private static bool TryReadDottedClock(ReadOnlySpan<char> text, int hour, int hourLength, ref DeadlineParts parts, DayPeriod lastPeriod, ref int used)
    {
        int p = hourLength + 1;
        if (hourLength > 2 || hour > 12 || !ReadOneOrTwoDigits(text, p, out int minute, out int minuteLength) || minuteLength != 2 || minute > 59)
            return false;
        if (p + minuteLength < text.Length && text[p + minuteLength] == '.')
            return false; // 8.30.1 is no time
        SetClock(new Clock(hour, minute, DayPeriod.None, TwentyFourHour: false), ref parts, lastPeriod);
        used = p + minuteLength;
        return true;
    }

    /// <summary>18号, 20日: a day of this month or the next, where the line makes it a deadline (18号晚上8点, 截止到20号).</summary>
    private static bool TryReadDayOfMonth(ReadOnlySpan<char> line, int start, int day, int length, ref DeadlineParts parts, ref int used)
    {
        var text = line[start..];
        int end = length + 1;
        if (day is < 1 or > 31 || (end < text.Length && AddressAfterDay.Contains(text[end])))
            return false;
        if (end < text.Length && text[end] == ' ' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1])
            && !ClockReader.TryRead(text[(end + 1)..], out _, out _))
            return false; // 12号 301: a building and a room
        if (!IsDeadlineContext(line, start, start + end))
            return false;
        if (parts.Date == DateForm.None)
        {
            parts.Date = DateForm.DayOfMonth;
            parts.Day = day;
        }
        used = end;
        return true;
    }

    private static void SetCalendarDate(int year, int month, int day, ref DeadlineParts parts)
    {
        if (parts.Date != DateForm.None)
            return;
        // 13月1日, 4月31日, 1234年: a date that cannot be meant is not guessed at. A year of 0 means none was written.
        bool yearOk = year == 0 || year is >= DeadlineDefaults.MinYear and <= DeadlineDefaults.MaxYear;
        if (!yearOk || month is < 1 or > 12 || day < 1 || day > (year > 0 ? DateTime.DaysInMonth(year, month) : MaxDaysIn(month)))
        {
            parts.Invalid = true;
            return;
        }
        parts.Date = DateForm.Calendar;
        parts.Year = year;
        parts.Month = month;
        parts.Day = day;
    }

    private static int MaxDaysIn(int month) => month == 2 ? 29 : DateTime.DaysInMonth(2001, month);

    /// <summary>
    /// True when the date at <paramref name="start"/>..<paramref name="end"/> is followed by a time, a part of the day
    /// or a deadline word (4.20 15:00, 18号晚上, 4.20前), or preceded by a deadline word (截止日期：4.20, 截止到18号).
    /// </summary>
    private static bool IsDeadlineContext(ReadOnlySpan<char> line, int start, int end)
    {
        var after = SkipGap(line[end..]);
        if (!after.IsEmpty)
        {
            if (ClockReader.TryRead(after, out _, out _))
                return true;
            if (DeadlineWord.ByFirstChar.TryGetValue(after[0], out var words))
            {
                foreach (var word in words)
                {
                    if (word.Kind is DeadlineWordKind.Period or DeadlineWordKind.ShortPeriod && after.StartsWith(word.Text, StringComparison.Ordinal))
                        return true;
                }
            }
            foreach (string word in DeadlineWord.DeadlineAfter)
            {
                if (after.StartsWith(word, StringComparison.Ordinal))
                    return true;
            }
        }

        var before = line[..start].TrimEnd(" :：,，");
        foreach (string word in DeadlineWord.DeadlineBefore)
        {
            if (before.EndsWith(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private static void FollowedByBefore(ReadOnlySpan<char> rest, ref DeadlineParts parts)
    {
        var after = SkipGap(rest);
        if (after.StartsWith("前", StringComparison.Ordinal) || after.StartsWith("之前", StringComparison.Ordinal)
            || after.StartsWith("以前", StringComparison.Ordinal))
            parts.FollowedByBefore = true;
    }

    private static ReadOnlySpan<char> SkipGap(ReadOnlySpan<char> text)
    {
        int p = 0;
        while (p < text.Length && p < DeadlineDefaults.MaxGap && text[p] == ' ')
            p++;
        return text[p..];
    }

    private static bool ReadOneOrTwoDigits(ReadOnlySpan<char> text, int at, out int value, out int length)
    {
        value = 0;
        length = 0;
        while (at + length < text.Length && length < 3 && char.IsAsciiDigit(text[at + length]))
        {
            value = (value * 10) + (text[at + length] - '0');
            length++;
        }
        return length is 1 or 2;
    }
}
