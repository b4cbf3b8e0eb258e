namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>The choices the deadline reader makes where a line leaves something out, in one place.</summary>
internal static class DeadlineDefaults
{
    /// <summary>
    /// A day named without an hour (截止到今晚, 截止日期4月20日) ends at 23:59: the last minute anyone would still
    /// post an order that day, and the day it names stays the day the result shows (24:00 would print as the next day).
    /// </summary>
    public static readonly TimeSpan EndOfDay = new(23, 59, 0);

    /// <summary>
    /// A date with no year (4月20日) is in the message's year unless that is more than this many months ago;
    /// then it is next year's (a December chain closing 1月3日).
    /// </summary>
    public const int YearRolloverMonths = 6;

    /// <summary>Years a written year (2022年, 2022-04-20) may take; anything else is a typo, not a deadline.</summary>
    public const int MinYear = 1970;

    /// <summary>See <see cref="MinYear"/>.</summary>
    public const int MaxYear = 2999;

    /// <summary>How many spaces the reader looks past between a date and the time or word that confirms it.</summary>
    public const int MaxGap = 3;
}
