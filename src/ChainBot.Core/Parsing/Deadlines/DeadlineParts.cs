namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>Which kind of date a line stated, if any.</summary>
internal enum DateForm : byte
{
    /// <summary>No date: the time is read against the message's day.</summary>
    None,

    /// <summary>A calendar date, with or without a year: 4月20日, 4.20, 2022-04-20.</summary>
    Calendar,

    /// <summary>A day of the month alone: 18号, 20日.</summary>
    DayOfMonth,

    /// <summary>A day counted from the message's day: 今天, 明天, 后天.</summary>
    Relative,

    /// <summary>A day of the week: 周三, 星期三, 下周一.</summary>
    Weekday,
}

/// <summary>Which week a weekday (周三) is in.</summary>
internal enum WeekChoice : byte
{
    /// <summary>周三: the next Wednesday on or after the message's day.</summary>
    OnOrAfter,

    /// <summary>本周三, 这周三: the Wednesday of the message's week (weeks start on Monday), even if it has passed.</summary>
    ThisWeek,

    /// <summary>下周三: the Wednesday of the week after the message's.</summary>
    NextWeek,
}

/// <summary>A time of day as written: the hour before any part of the day is applied.</summary>
/// <param name="Hour">0–24 as written.</param>
/// <param name="Minute">0–59.</param>
/// <param name="Marker">am or pm when written after the time (8pm), otherwise <see cref="DayPeriod.None"/>.</param>
/// <param name="TwentyFourHour">True when the hour was written with a leading zero (08:00): then it is not a guess.</param>
internal readonly record struct Clock(int Hour, int Minute, DayPeriod Marker, bool TwentyFourHour);

/// <summary>What one line says about a deadline, before it is resolved against the message's time.</summary>
/// <remarks>A mutable scratch value: the scanner fills it in one pass, the resolver reads it.</remarks>
internal struct DeadlineParts
{
    /// <summary>The kind of date stated; the first date in the line wins.</summary>
    public DateForm Date;

    /// <summary>The year written, or 0.</summary>
    public int Year;

    /// <summary>The month written (1–12), or 0.</summary>
    public int Month;

    /// <summary>The day of the month written (1–31), or 0.</summary>
    public int Day;

    /// <summary>Days after the message's day for <see cref="DateForm.Relative"/>.</summary>
    public int DayOffset;

    /// <summary>The day for <see cref="DateForm.Weekday"/>.</summary>
    public DayOfWeek Weekday;

    /// <summary>The week for <see cref="DateForm.Weekday"/>.</summary>
    public WeekChoice Week;

    /// <summary>True when a time of day was read; the first one in the line wins.</summary>
    public bool HasClock;

    /// <summary>The time of day, when <see cref="HasClock"/>.</summary>
    public Clock Clock;

    /// <summary>The part of the day that applies: the one nearest before the time, else the first after it.</summary>
    public DayPeriod Period;

    /// <summary>True when the line states a date that does not exist (2月30日, 13月1日): nothing is guessed then.</summary>
    public bool Invalid;

    /// <summary>True when a date or time is followed by 前, 之前 or 以前 ("by then").</summary>
    public bool FollowedByBefore;

    /// <summary>True when the line stated a date, a time of day or a part of the day.</summary>
    public readonly bool StatesTime => Date != DateForm.None || HasClock || Period != DayPeriod.None;
}
