using System.Buffers;
using System.Collections.Frozen;

namespace ChainBot.Core.Parsing.Deadlines;

/// <summary>What a deadline word stands for.</summary>
internal enum DeadlineWordKind : byte
{
    /// <summary>A day counted from today (今天, 明天), maybe with a part of the day (今晚 = today + evening).</summary>
    Day,

    /// <summary>A part of the day (上午, 晚上).</summary>
    Period,

    /// <summary>A part of the day written as one character (早, 晚): only a word when a number follows (晚8点).</summary>
    ShortPeriod,

    /// <summary>The start of a weekday (周, 星期, 下周); the weekday character follows.</summary>
    Week,
}

/// <summary>One word the deadline scanner knows.</summary>
/// <param name="Text">The word.</param>
/// <param name="Kind">What it stands for.</param>
/// <param name="DayOffset">For <see cref="DeadlineWordKind.Day"/>: days after the message's day.</param>
/// <param name="Period">The part of the day it names, if any.</param>
/// <param name="Week">For <see cref="DeadlineWordKind.Week"/>: which week.</param>
internal readonly record struct DeadlineWord(string Text, DeadlineWordKind Kind, int DayOffset, DayPeriod Period, WeekChoice Week)
{
    private static DeadlineWord Day(string text, int offset, DayPeriod period = DayPeriod.None) => new(text, DeadlineWordKind.Day, offset, period, default);

    private static DeadlineWord Part(string text, DayPeriod period) => new(text, DeadlineWordKind.Period, 0, period, default);

    private static DeadlineWord Short(string text, DayPeriod period) => new(text, DeadlineWordKind.ShortPeriod, 0, period, default);

    private static DeadlineWord WeekOf(string text, WeekChoice week) => new(text, DeadlineWordKind.Week, 0, DayPeriod.None, week);

    // chain-formats.md, "A chain post": the deadline is written the way people speak it (截止时间：今晚8点, 明早10点截单).
    private static readonly DeadlineWord[] All =
    [
        Day("今天", 0), Day("今日", 0), Day("今儿", 0), Day("当天", 0), Day("当日", 0),
        Day("今晚", 0, DayPeriod.Evening), Day("今夜", 0, DayPeriod.Evening), Day("今早", 0, DayPeriod.EarlyMorning),
        Day("明天", 1), Day("明日", 1), Day("明儿", 1), Day("次日", 1),
        Day("明早", 1, DayPeriod.EarlyMorning), Day("明晨", 1, DayPeriod.EarlyMorning), Day("明晚", 1, DayPeriod.Evening),
        Day("后天", 2), Day("大后天", 3),
        Part("凌晨", DayPeriod.SmallHours),
        Part("早上", DayPeriod.EarlyMorning), Part("早晨", DayPeriod.EarlyMorning), Part("清晨", DayPeriod.EarlyMorning),
        Part("上午", DayPeriod.Forenoon),
        Part("中午", DayPeriod.Noon), Part("正午", DayPeriod.Noon),
        Part("下午", DayPeriod.Afternoon),
        Part("傍晚", DayPeriod.Dusk),
        Part("晚上", DayPeriod.Evening), Part("晚间", DayPeriod.Evening), Part("夜里", DayPeriod.Evening),
        Part("夜间", DayPeriod.Evening), Part("夜晚", DayPeriod.Evening),
        Part("半夜", DayPeriod.Midnight), Part("午夜", DayPeriod.Midnight),
        Short("早", DayPeriod.EarlyMorning), Short("晚", DayPeriod.Evening),
        WeekOf("周", WeekChoice.OnOrAfter), WeekOf("星期", WeekChoice.OnOrAfter), WeekOf("礼拜", WeekChoice.OnOrAfter),
        WeekOf("本周", WeekChoice.ThisWeek), WeekOf("这周", WeekChoice.ThisWeek), WeekOf("本星期", WeekChoice.ThisWeek),
        WeekOf("这星期", WeekChoice.ThisWeek), WeekOf("这个星期", WeekChoice.ThisWeek),
        WeekOf("下周", WeekChoice.NextWeek), WeekOf("下星期", WeekChoice.NextWeek), WeekOf("下个星期", WeekChoice.NextWeek),
        WeekOf("下礼拜", WeekChoice.NextWeek), WeekOf("下个礼拜", WeekChoice.NextWeek),
    ];

    /// <summary>The words by their first character, longest first, so 大后天 is tried before 后天 would be.</summary>
    public static readonly FrozenDictionary<char, DeadlineWord[]> ByFirstChar = All
        .GroupBy(w => w.Text[0])
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(w => w.Text.Length).ToArray());

    /// <summary>The characters a deadline word can start with.</summary>
    public static readonly SearchValues<char> OpeningCharacters = SearchValues.Create([.. ByFirstChar.Keys]);

    /// <summary>
    /// Words that say a line is about a deadline (spec: 截止, 截单, 结束, 为止, deadline), plus the variants people type
    /// (截至, 截龙, 截团, 结单, 结团). 前 after a time is found by the scanner, not here: on its own it means too much else.
    /// </summary>
    public static readonly SearchValues<string> DeadlineKeywords =
        SearchValues.Create(["截止", "截至", "截单", "截龙", "截团", "结单", "结团", "结束", "为止", "停止接龙", "deadline"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Words after a date that make it a deadline: 4.20前, 18号截止.</summary>
    public static readonly string[] DeadlineAfter = ["前", "之前", "以前", "截止", "截至", "截单", "截龙", "截团", "结单", "结团", "结束", "为止", "止"];

    /// <summary>Words before a date that make it a deadline: 截止日期：4.20, 截止到18号.</summary>
    public static readonly string[] DeadlineBefore = ["截止", "截至", "截单", "日期", "时间", "到", "至", "于", "deadline"];

    /// <summary>The weekday a character after 周/星期 names: 一 … 六, 日/天 (and 1 … 7 typed as digits), or -1.</summary>
    public static int WeekdayOf(char c) => c switch
    {
        '一' or '1' => (int)DayOfWeek.Monday,
        '二' or '2' => (int)DayOfWeek.Tuesday,
        '三' or '3' => (int)DayOfWeek.Wednesday,
        '四' or '4' => (int)DayOfWeek.Thursday,
        '五' or '5' => (int)DayOfWeek.Friday,
        '六' or '6' => (int)DayOfWeek.Saturday,
        '日' or '天' or '7' => (int)DayOfWeek.Sunday,
        _ => -1,
    };
}
