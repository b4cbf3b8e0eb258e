namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>The part of the day a deadline names (上午, 下午, 今晚 …), which decides how its hour is read.</summary>
internal enum DayPeriod : byte
{
    /// <summary>No part of the day stated: the hour is read as written, or guessed (see <see cref="DeadlineResolver"/>).</summary>
    None,

    /// <summary>凌晨: the small hours; 凌晨12点 is the start of the day.</summary>
    SmallHours,

    /// <summary>早上, 早晨, 清晨, 早, 今早, 明早.</summary>
    EarlyMorning,

    /// <summary>上午.</summary>
    Forenoon,

    /// <summary>中午, 正午: 12点 is noon, 11点 stays 11:00, 1点 is 13:00.</summary>
    Noon,

    /// <summary>下午.</summary>
    Afternoon,

    /// <summary>傍晚.</summary>
    Dusk,

    /// <summary>晚上, 晚, 今晚, 明晚, 夜里: 8点 is 20:00 and 12点 is the midnight that ends the day.</summary>
    Evening,

    /// <summary>半夜, 午夜: midnight, the end of the day.</summary>
    Midnight,

    /// <summary>am, a.m.</summary>
    Am,

    /// <summary>pm, p.m.</summary>
    Pm,
}

/// <summary>How a <see cref="DayPeriod"/> turns a written hour into a time of day.</summary>
internal static class DayPeriodExtensions
{
    private const int MinutesPerHour = 60;

    /// <summary>
    /// Minutes from the start of the named day for <paramref name="hour"/>:<paramref name="minute"/> said in
    /// <paramref name="period"/>. May reach past 24:00: 晚上12点 is 24:00 and 晚上1点 is 25:00, the next day's small hours.
    /// </summary>
    public static int MinutesOfDay(this DayPeriod period, int hour, int minute)
    {
        int h = period switch
        {
            // A 24-hour time stays what it says whatever the marker (下午15点).
            _ when hour > 12 => hour,
            DayPeriod.SmallHours => hour == 12 ? 0 : hour,
            DayPeriod.Am => hour == 12 ? 0 : hour,
            DayPeriod.EarlyMorning or DayPeriod.Forenoon => hour,
            // 中午1点 is lunchtime, not one in the morning.
            DayPeriod.Noon => hour is >= 1 and <= 5 ? hour + 12 : hour,
            DayPeriod.Afternoon or DayPeriod.Dusk or DayPeriod.Pm => hour is >= 1 and <= 11 ? hour + 12 : hour,
            // 晚上12点 / 今晚0点 is the midnight that closes the evening: the next day's 00:00, not this day's.
            DayPeriod.Evening or DayPeriod.Midnight => hour switch
            {
                0 or 12 => 24,
                >= 1 and <= 4 => hour + 24,
                _ => hour + 12,
            },
            _ => hour,
        };
        return (h * MinutesPerHour) + minute;
    }

    /// <summary>
    /// When a deadline that names a part of the day but no hour (今晚截止, 明天上午) ends: the end of that part,
    /// in minutes from the start of the day. A day with no part named ends at <see cref="DeadlineDefaults.EndOfDay"/>.
    /// </summary>
    public static int DefaultEndMinutes(this DayPeriod period) => period switch
    {
        DayPeriod.SmallHours => 6 * MinutesPerHour,
        DayPeriod.EarlyMorning => 9 * MinutesPerHour,
        DayPeriod.Forenoon or DayPeriod.Noon or DayPeriod.Am => 12 * MinutesPerHour,
        DayPeriod.Afternoon => 18 * MinutesPerHour,
        DayPeriod.Dusk => 19 * MinutesPerHour,
        DayPeriod.Midnight => 24 * MinutesPerHour,
        _ => (int)DeadlineDefaults.EndOfDay.TotalMinutes,
    };
}
