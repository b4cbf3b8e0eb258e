namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>
/// Turns what a line said (<see cref="DeadlineParts"/>) into an instant, relative to the message's time read in the
/// chain's time zone. Stateless and thread-safe; never throws.
/// </summary>
internal static class DeadlineResolver
{
    // Far enough from DateTime's ends that adding a year and a few days can never overflow.
    private const int FirstSafeYear = 2;
    private const int LastSafeYear = 9997;

    /// <summary>Resolves <paramref name="parts"/> against <paramref name="messageTime"/> in <paramref name="zone"/>.</summary>
    /// <returns>False when the line stated no time, or a date that does not exist.</returns>
    public static bool TryResolve(in DeadlineParts parts, DateTimeOffset messageTime, TimeZoneInfo zone, out DateTimeOffset deadline)
    {
        deadline = default;
        if (!parts.StatesTime || parts.Invalid)
            return false;

        // Everything relative (今晚, 明天, 8点) is relative to the wall clock where the chain is, not to the offset
        // the message happened to arrive in.
        var local = TimeZoneInfo.ConvertTime(messageTime, zone);
        if (local.Year is < FirstSafeYear or > LastSafeYear)
            return false;
        DateTime now = local.DateTime;
        DateTime today = now.Date;

        if (!TryResolveDay(parts, today, out DateTime day, out bool dated))
            return false;

        DateTime result;
        if (parts.HasClock)
        {
            var clock = parts.Clock;
            int minutes = parts.Period.MinutesOfDay(clock.Hour, clock.Minute);
            // 8点 with nothing to say morning or evening: people mean the next 8 o'clock to come, and in a chain posted
            // in the morning that is usually the evening. 12点 is treated alike (noon, else midnight).
            bool eitherHalf = parts.Period == DayPeriod.None && !clock.TwentyFourHour && clock.Hour is >= 1 and <= 12;
            if (dated)
            {
                result = day.AddMinutes(minutes);
                // 今天8点 written at 9:30 is tonight; a day other than today keeps the hour as written (明天8点 = 08:00).
                if (eitherHalf && day == today && result <= now)
                    result = result.AddHours(12);
            }
            else
            {
                result = today.AddMinutes(minutes);
                if (eitherHalf && result <= now)
                    result = result.AddHours(12);
                // A time already past today (20:00前 written at 21:00) is tomorrow's, in the morning if either half fits.
                if (result <= now)
                    result = today.AddDays(1).AddMinutes(minutes);
            }
        }
        else
        {
            // A day or a part of the day with no hour: its end (今晚 → 23:59, 明天上午 → 12:00).
            result = (dated ? day : today).AddMinutes(parts.Period.DefaultEndMinutes());
            if (!dated && result <= now)
                result = result.AddDays(1);
        }

        deadline = ToZone(result, zone);
        return true;
    }

    /// <summary>The day the line names, if it names one (<paramref name="dated"/>).</summary>
    private static bool TryResolveDay(in DeadlineParts parts, DateTime today, out DateTime day, out bool dated)
    {
        day = today;
        dated = parts.Date != DateForm.None;
        switch (parts.Date)
        {
            case DateForm.Relative:
                day = today.AddDays(parts.DayOffset);
                return true;

            case DateForm.Weekday:
                int fromMonday = ((int)parts.Weekday + 6) % 7;
                int todayFromMonday = ((int)today.DayOfWeek + 6) % 7;
                day = parts.Week switch
                {
                    // 周三: the next Wednesday, today included.
                    WeekChoice.OnOrAfter => today.AddDays((fromMonday - todayFromMonday + 7) % 7),
                    WeekChoice.ThisWeek => today.AddDays(fromMonday - todayFromMonday),
                    _ => today.AddDays(fromMonday - todayFromMonday + 7),
                };
                return true;

            case DateForm.DayOfMonth:
                // 18号: this month's if it is still to come (today included), else next month's.
                if (parts.Day >= today.Day && parts.Day <= DateTime.DaysInMonth(today.Year, today.Month))
                {
                    day = new DateTime(today.Year, today.Month, parts.Day);
                    return true;
                }
                var nextMonth = new DateTime(today.Year, today.Month, 1).AddMonths(1);
                if (parts.Day > DateTime.DaysInMonth(nextMonth.Year, nextMonth.Month))
                    return false;
                day = nextMonth.AddDays(parts.Day - 1);
                return true;

            case DateForm.Calendar:
                if (parts.Year > 0)
                {
                    day = new DateTime(parts.Year, parts.Month, parts.Day);
                    return true;
                }
                // No year: this year's, unless that is long gone (a December chain closing 1月3日 means next January).
                int year = today.Year;
                if (!TryDate(year, parts.Month, parts.Day, out day))
                    return TryDate(year + 1, parts.Month, parts.Day, out day); // 2月29日 written in December before a leap year
                if (day < today.AddMonths(-DeadlineDefaults.YearRolloverMonths))
                    return TryDate(year + 1, parts.Month, parts.Day, out day);
                return true;

            default:
                return true;
        }
    }

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        bool ok = day <= DateTime.DaysInMonth(year, month);
        date = ok ? new DateTime(year, month, day) : default;
        return ok;
    }

    /// <summary>
    /// The instant a wall-clock time in <paramref name="zone"/> stands for, carrying the zone's offset at that instant.
    /// A time a clock change repeats is read as the first of the two (the earlier instant: a deadline should not be
    /// late); a time a clock change skips is read with the offset before the change, which lands just after the gap.
    /// </summary>
    private static DateTimeOffset ToZone(DateTime local, TimeZoneInfo zone)
    {
        TimeSpan offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        if (zone.IsInvalidTime(local))
            offset = zone.GetUtcOffset(local.AddDays(-1));
        return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, offset), zone);
    }
}
