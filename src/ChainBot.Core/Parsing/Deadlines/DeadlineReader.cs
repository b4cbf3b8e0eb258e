namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>
/// Reads the deadline of a chain (截止时间) from one header line and resolves it against the time the message was
/// sent: <c>截止时间：今晚8点</c>, <c>20:00前</c>, <c>明早10点截单</c>, <c>周三晚8点</c>, <c>4月20日下午3点</c>,
/// <c>2022-04-20 15:00</c>, <c>8pm</c>, <c>截止到今晚</c> …
/// </summary>
/// <remarks>
/// <para>How the gaps people leave are filled (chain-formats.md, "A chain post"):</para>
/// <list type="bullet">
/// <item><description>Relative words (今天, 今晚, 明天, 后天, 周三) are read on the message's wall-clock date in the
/// chain's time zone, whatever offset the message time came in.</description></item>
/// <item><description>上午, 早上, 早, 凌晨 and am read the hour as morning; 下午, 傍晚, 晚上, 晚, 今晚 and pm as
/// afternoon or evening (晚上8点 = 20:00); 中午12点 = 12:00, 中午1点 = 13:00. 晚上12点 (and 今晚0点) is the midnight
/// that ends that evening: 00:00 of the next day.</description></item>
/// <item><description>An hour from 1 to 12 with no part of the day, no date and no leading zero (8点, 8:30) is the next
/// such time still to come: the morning if it has not passed, else the evening of the same day, else the next
/// morning. 12点 is noon, else midnight. 今天8点 likewise stays on today, taking the evening once the morning has passed.
/// A time with a date other than today keeps the hour as written (明天8点 = 08:00).</description></item>
/// <item><description>Any other time with no date that has already passed today is tomorrow's (20:00前 written at 21:00).
/// A time with an explicit day stays on that day even if it has passed (今晚8点 written at 21:00 is 20:00 today).</description></item>
/// <item><description>A day without an hour ends at 23:59 (截止到今晚, 截止日期4月20日); a part of the day without an hour
/// ends with it (明天上午 → 12:00, 中午 → 12:00, 早上 → 09:00, 下午 → 18:00, 傍晚 → 19:00, 凌晨 → 06:00).</description></item>
/// <item><description>A date without a year is in the message's year, or the next year when that date is more than six
/// months in the past. 18号 alone is this month's if still to come, else next month's. 周三 is the next Wednesday
/// on or after the message's day; 本周三 this week's (weeks start on Monday); 下周三 next week's.</description></item>
/// <item><description>A date that does not exist (2月30日, 13月1日) makes the line unread rather than guessed.</description></item>
/// </list>
/// <para>Dates written with digits only (4.20, 4/20, 4-20) and days alone (18号) look like addresses, ranges and prices
/// (12-301, 8-9个, 5.5元), so they count only next to a time or a deadline word (4.20 15:00, 截止日期4.20, 18号前).</para>
/// <para>Stateless and thread-safe. Never throws on any text.</para>
/// </remarks>
public static class DeadlineReader
{
    /// <summary>
    /// Finds a deadline in one header line and resolves it against <paramref name="messageTime"/> read in
    /// <paramref name="zone"/> (callers normally pass the parser's zone, Asia/Shanghai by default).
    /// </summary>
    /// <param name="line">One line of normalized text.</param>
    /// <param name="messageTime">When the message was sent, in any offset.</param>
    /// <param name="zone">The chain's time zone.</param>
    /// <param name="deadline">The deadline, carrying <paramref name="zone"/>'s offset at that instant (+08:00 for China).</param>
    /// <returns>False when the line states no date or time of day, or states a date that does not exist.</returns>
    /// <remarks>
    /// Any date or time in the line is read, whether it is a deadline or not (a title's 4月18日 too): use
    /// <see cref="MentionsDeadline"/> to pick the line first.
    /// </remarks>
    public static bool TryRead(ReadOnlySpan<char> line, DateTimeOffset messageTime, TimeZoneInfo zone, out DateTimeOffset deadline)
    {
        if (zone is null)
        {
            deadline = default;
            return false;
        }
        var parts = DeadlineScanner.Scan(line);
        return DeadlineResolver.TryResolve(parts, messageTime, zone, out deadline);
    }

    /// <summary>
    /// True when <paramref name="line"/> is about a deadline at all: it says 截止, 截至, 截单, 截龙, 结单, 结束, 为止 or
    /// deadline, or a date or time followed by 前, 之前 or 以前 (20:00前, 周三前). The header parser uses it to pick the
    /// deadline line among the header's lines.
    /// </summary>
    public static bool MentionsDeadline(ReadOnlySpan<char> line)
        => line.ContainsAny(DeadlineWord.DeadlineKeywords) || DeadlineScanner.Scan(line).FollowedByBefore;
}
