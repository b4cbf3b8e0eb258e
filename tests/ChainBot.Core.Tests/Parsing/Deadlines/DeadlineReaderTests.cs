using System.Globalization;
using ChainBot.Core.Parsing;
using ChainBot.Core.Parsing.Deadlines;

namespace ChainBot.Core.Tests.Parsing.Deadlines;

public class DeadlineReaderTests
{
    // 2022-04-18 is a Monday. Morning: the chain is posted at 09:30; evening: at 21:00.
    private const string Morning = "2022-04-18T09:30:00+08:00";
    private const string Evening = "2022-04-18T21:00:00+08:00";

    private static readonly TimeZoneInfo Shanghai = ChainParserDefaults.FindTimeZone(ChainParserDefaults.TimeZoneId);

    // The forms of the brief, each with the message time it is read against.
    [TestCase("截止时间：今晚8点", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("截止时间:今晚8点", Evening, "2022-04-18T20:00:00+08:00")] // an explicit day stays, even when past
    [TestCase("今晚8点截止", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("今天20:00前", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("20:00前", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("20:00前", Evening, "2022-04-19T20:00:00+08:00")]
    [TestCase("20点前", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("晚上8点半截单", Morning, "2022-04-18T20:30:00+08:00")]
    [TestCase("晚上8点半截单", Evening, "2022-04-19T20:30:00+08:00")]
    [TestCase("明天中午12点前", Morning, "2022-04-19T12:00:00+08:00")]
    [TestCase("明早10点截单", Morning, "2022-04-19T10:00:00+08:00")]
    [TestCase("明天上午9:30", Morning, "2022-04-19T09:30:00+08:00")]
    [TestCase("后天下午3点", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("4月20日下午3点", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("4月20号 15:00", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("4.20 15:00", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("2022-04-20 15:00", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("2022年4月20日18时", Morning, "2022-04-20T18:00:00+08:00")]
    [TestCase("18号晚上8点", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("周三晚8点", Morning, "2022-04-20T20:00:00+08:00")]
    [TestCase("星期三 20:00", Morning, "2022-04-20T20:00:00+08:00")]
    [TestCase("下午3点截止", Morning, "2022-04-18T15:00:00+08:00")]
    [TestCase("下午3点截止", Evening, "2022-04-19T15:00:00+08:00")]
    [TestCase("晚8点", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("中午12点", Morning, "2022-04-18T12:00:00+08:00")]
    [TestCase("12点前", Morning, "2022-04-18T12:00:00+08:00")]
    [TestCase("12点前", Evening, "2022-04-19T00:00:00+08:00")] // noon has passed: midnight
    [TestCase("八点", Morning, "2022-04-18T20:00:00+08:00")] // 8:00 has passed: the evening
    [TestCase("八点", Evening, "2022-04-19T08:00:00+08:00")] // both have passed: tomorrow morning
    [TestCase("今晚八点半", Morning, "2022-04-18T20:30:00+08:00")]
    [TestCase("今晚九点", Morning, "2022-04-18T21:00:00+08:00")]
    [TestCase("8pm", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("截止到今晚", Morning, "2022-04-18T23:59:00+08:00")]
    [TestCase("截止日期4月20日", Morning, "2022-04-20T23:59:00+08:00")]
    // Hours without a part of the day.
    [TestCase("10点截止", Morning, "2022-04-18T10:00:00+08:00")]
    [TestCase("9:00截止", Morning, "2022-04-18T21:00:00+08:00")]
    [TestCase("09:00前", Morning, "2022-04-19T09:00:00+08:00")] // a leading zero is a 24-hour clock: no evening guess
    [TestCase("今天8点前", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("明天8点", Morning, "2022-04-19T08:00:00+08:00")]
    [TestCase("十二点", Morning, "2022-04-18T12:00:00+08:00")]
    [TestCase("15点30分截止", Morning, "2022-04-18T15:30:00+08:00")]
    [TestCase("15点30", Morning, "2022-04-18T15:30:00+08:00")]
    [TestCase("15：00截止", Morning, "2022-04-18T15:00:00+08:00")] // full-width colon, in case the text was not folded
    [TestCase("20:00:00前", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("8点一刻", Morning, "2022-04-18T20:15:00+08:00")]
    [TestCase("下午3点三刻", Morning, "2022-04-18T15:45:00+08:00")]
    [TestCase("八点三十截止", Morning, "2022-04-18T20:30:00+08:00")]
    [TestCase("晚上八点零五", Morning, "2022-04-18T20:05:00+08:00")]
    // Parts of the day.
    [TestCase("凌晨2点", Evening, "2022-04-19T02:00:00+08:00")]
    [TestCase("今晚12点", Morning, "2022-04-19T00:00:00+08:00")]
    [TestCase("今晚0点截止", Morning, "2022-04-19T00:00:00+08:00")]
    [TestCase("截止时间：今晚24:00", Morning, "2022-04-19T00:00:00+08:00")]
    [TestCase("晚上11点半", Morning, "2022-04-18T23:30:00+08:00")]
    [TestCase("中午1点", Morning, "2022-04-18T13:00:00+08:00")]
    [TestCase("中午11点半", Morning, "2022-04-18T11:30:00+08:00")]
    [TestCase("傍晚6点", Morning, "2022-04-18T18:00:00+08:00")]
    [TestCase("下午3:00", Evening, "2022-04-19T15:00:00+08:00")]
    [TestCase("下午15点", Morning, "2022-04-18T15:00:00+08:00")]
    [TestCase("截止：明晚7点", Morning, "2022-04-19T19:00:00+08:00")]
    [TestCase("晚上8.30截止", Morning, "2022-04-18T20:30:00+08:00")]
    [TestCase("8:30pm", Morning, "2022-04-18T20:30:00+08:00")]
    [TestCase("Deadline: 8 PM", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("10am截止", Morning, "2022-04-18T10:00:00+08:00")]
    [TestCase("12am", Morning, "2022-04-19T00:00:00+08:00")]
    [TestCase("晚上八点半前", Evening, "2022-04-19T20:30:00+08:00")]
    // A day or a part of the day without an hour.
    [TestCase("大后天中午", Morning, "2022-04-21T12:00:00+08:00")]
    [TestCase("明天上午", Morning, "2022-04-19T12:00:00+08:00")]
    [TestCase("今天下午截止", Morning, "2022-04-18T18:00:00+08:00")]
    [TestCase("明早截单", Morning, "2022-04-19T09:00:00+08:00")]
    [TestCase("次日12点", Morning, "2022-04-19T12:00:00+08:00")]
    [TestCase("截止到午夜", Morning, "2022-04-19T00:00:00+08:00")]
    // Weekdays.
    [TestCase("周一截止", Morning, "2022-04-18T23:59:00+08:00")] // today is Monday: on or after today
    [TestCase("周五前", Morning, "2022-04-22T23:59:00+08:00")]
    [TestCase("下周一 20:00", Morning, "2022-04-25T20:00:00+08:00")]
    [TestCase("本周日", Morning, "2022-04-24T23:59:00+08:00")]
    [TestCase("星期天晚上9点", Morning, "2022-04-24T21:00:00+08:00")]
    [TestCase("礼拜六上午10点", Morning, "2022-04-23T10:00:00+08:00")]
    [TestCase("周3 8点", Morning, "2022-04-20T08:00:00+08:00")]
    // Dates.
    [TestCase("2022年4月20日", Morning, "2022-04-20T23:59:00+08:00")]
    [TestCase("二〇二二年四月二十日下午三点", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("2022/4/20 8:00", Morning, "2022-04-20T08:00:00+08:00")]
    [TestCase("12月31日", Morning, "2022-12-31T23:59:00+08:00")]
    [TestCase("4月15日", Morning, "2022-04-15T23:59:00+08:00")] // a few days past stays this year's
    [TestCase("1月3日截止", "2022-12-28T10:00:00+08:00", "2023-01-03T23:59:00+08:00")] // long past: next year's
    [TestCase("3号 截止", Morning, "2022-05-03T23:59:00+08:00")] // the 3rd has passed this month
    [TestCase("截止到20号", Morning, "2022-04-20T23:59:00+08:00")]
    [TestCase("4/20 晚上8点", Morning, "2022-04-20T20:00:00+08:00")]
    [TestCase("4.20前", Morning, "2022-04-20T23:59:00+08:00")]
    [TestCase("截止日期：4-25", Morning, "2022-04-25T23:59:00+08:00")]
    [TestCase("4月20日前", Morning, "2022-04-20T23:59:00+08:00")]
    [TestCase("2月29日", "2023-12-01T10:00:00+08:00", "2024-02-29T23:59:00+08:00")]
    [TestCase("明天（4月19日）中午12点", Morning, "2022-04-19T12:00:00+08:00")] // the first date wins
    [TestCase("截止：19号中午", Morning, "2022-04-19T12:00:00+08:00")]
    [TestCase("2022-04-20T15:00", Morning, "2022-04-20T15:00:00+08:00")]
    [TestCase("7:30am", Morning, "2022-04-19T07:30:00+08:00")]
    [TestCase("明天下午两点半", Morning, "2022-04-19T14:30:00+08:00")]
    [TestCase("下午一点截止", Morning, "2022-04-18T13:00:00+08:00")]
    [TestCase("今天晚上八点整", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("8点半前", Morning, "2022-04-18T20:30:00+08:00")]
    // A range closes at its end.
    [TestCase("接龙时间：今天9:00-20:00", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("接龙时间 18:00~20:00", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("下午2点-4点", Morning, "2022-04-18T16:00:00+08:00")]
    [TestCase("上午9点至晚上8点", Morning, "2022-04-18T20:00:00+08:00")]
    // Whole header lines: a later clause about delivery does not move the deadline.
    [TestCase("截止时间：4月18日（周一）晚上8点，过时不候", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("8点前截单，明天下午发货", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("周三前截单，周四下午到货", Morning, "2022-04-20T23:59:00+08:00")]
    [TestCase("今晚8点截止，明天发货", Morning, "2022-04-18T20:00:00+08:00")]
    [TestCase("截止时间：4月20日，晚上8点", Morning, "2022-04-20T20:00:00+08:00")] // the time may come in the next clause
    [TestCase("截止时间：今晚8点（8点后不再接单）", Morning, "2022-04-18T20:00:00+08:00")]
    public void Reads(string line, string messageTime, string expected)
    {
        bool read = DeadlineReader.TryRead(line, Parse(messageTime), Shanghai, out var deadline);

        Assert.That(read, Is.True, line);
        Assert.That(Format(deadline), Is.EqualTo(expected), line);
    }

    [TestCase("规格：每份约5斤")]
    [TestCase("规格：每份约5斤（8-9个品种），68元/份")]
    [TestCase("68元/份")]
    [TestCase("12号楼301")]
    [TestCase("满50份成团")]
    [TestCase("例：12号 301 张三 2份")]
    [TestCase("1. 12号301 王阿姨 1份")]
    [TestCase("2. 15-502 李 2份")]
    [TestCase("7号 1102 刘 两份")]
    [TestCase("12-3-301 陈 1份")]
    [TestCase("单价5.5元")]
    [TestCase("牛奶2箱 鸡蛋1")]
    [TestCase("#接龙")]
    [TestCase("蔬菜套餐团购")]
    [TestCase("周末自提")]
    [TestCase("晚饭后送到")]
    [TestCase("自提点：3号门")]
    [TestCase("尽早下单")]
    [TestCase("Amy 3 apples")]
    [TestCase("还差一点就成团")] // 一点 here is "a little"
    [TestCase("晚一点没关系")]
    [TestCase("一点点")]
    [TestCase("")]
    public void ReadsNoDeadlineWhereThereIsNone(string line)
    {
        bool read = DeadlineReader.TryRead(line, Parse(Morning), Shanghai, out var deadline);

        Assert.That(read, Is.False, line);
        Assert.That(deadline, Is.EqualTo(default(DateTimeOffset)));
    }

    [TestCase("2月30日截止")]
    [TestCase("13月1日截止")]
    [TestCase("4月31日前")]
    [TestCase("1234年4月20日")]
    [TestCase("2022-02-30 15:00")]
    [TestCase("2月29日截止")] // 2022 and 2023 have none
    public void ReadsNoDeadlineFromADateThatDoesNotExist(string line)
    {
        bool read = DeadlineReader.TryRead(line, Parse(Morning), Shanghai, out _);

        Assert.That(read, Is.False, line);
    }

    // The message time may come in any offset: the day is the chain's wall-clock day.
    [TestCase("2022-04-18T01:30:00Z", "今晚8点", "2022-04-18T20:00:00+08:00")]
    [TestCase("2022-04-17T16:30:00+00:00", "今晚8点", "2022-04-18T20:00:00+08:00")] // still the 17th in UTC
    [TestCase("2022-04-17T12:30:00-04:00", "明天中午12点", "2022-04-19T12:00:00+08:00")]
    [TestCase("2022-04-18T13:00:00Z", "20:00前", "2022-04-19T20:00:00+08:00")] // 21:00 in Shanghai
    public void ReadsRelativeToTheZonesWallClock(string messageTime, string line, string expected)
    {
        bool read = DeadlineReader.TryRead(line, Parse(messageTime), Shanghai, out var deadline);

        Assert.That(read, Is.True);
        Assert.That(Format(deadline), Is.EqualTo(expected));
    }

    // A made-up zone with daylight saving (-05:00, +1h from the second Sunday of March to the first of November),
    // so clock changes are tested without depending on the machine's time zone database.
    private static readonly TimeZoneInfo WithDaylightSaving = TimeZoneInfo.CreateCustomTimeZone(
        "Test/Daylight", TimeSpan.FromHours(-5), "Test", "Test Standard", "Test Daylight",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1), new DateTime(2099, 12, 31), TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday)),
        ]);

    [TestCase("2022-07-01T09:00:00-04:00", "今晚8点", "2022-07-01T20:00:00-04:00")]
    [TestCase("2022-01-10T09:00:00-05:00", "今晚8点", "2022-01-10T20:00:00-05:00")]
    [TestCase("2022-03-12T20:00:00-05:00", "明晚8点", "2022-03-13T20:00:00-04:00")] // across the change
    [TestCase("2022-03-12T20:00:00-05:00", "明天凌晨2点半", "2022-03-13T03:30:00-04:00")] // skipped: just after the gap
    [TestCase("2022-11-05T20:00:00-04:00", "明天凌晨1点半", "2022-11-06T01:30:00-04:00")] // repeated: the first one
    public void CarriesTheZonesOffsetAcrossClockChanges(string messageTime, string line, string expected)
    {
        bool read = DeadlineReader.TryRead(line, Parse(messageTime), WithDaylightSaving, out var deadline);

        Assert.That(read, Is.True);
        Assert.That(Format(deadline), Is.EqualTo(expected));
    }

    [Test]
    public void ReadsInAnyZoneItIsGiven()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Tokyo", TimeSpan.FromHours(9), "Tokyo", "Tokyo");

        bool read = DeadlineReader.TryRead("今晚8点", Parse(Morning), tokyo, out var deadline);

        Assert.That(read, Is.True);
        Assert.That(Format(deadline), Is.EqualTo("2022-04-18T20:00:00+09:00"));
    }

    [TestCase("截止时间：今晚8点")]
    [TestCase("今晚8点截止")]
    [TestCase("今天20:00前")]
    [TestCase("20:00前")]
    [TestCase("20点前")]
    [TestCase("12点之前")]
    [TestCase("晚上8点半截单")]
    [TestCase("明早10点截单")]
    [TestCase("截至明天中午")]
    [TestCase("接龙到周三为止")]
    [TestCase("本次接龙今晚结束")]
    [TestCase("周三前")]
    [TestCase("4.20以前")]
    [TestCase("今晚 前")]
    [TestCase("截龙时间 8点")]
    [TestCase("Deadline 8pm")]
    [TestCase("DEADLINE: tonight")]
    public void MentionsADeadline(string line) => Assert.That(DeadlineReader.MentionsDeadline(line), Is.True);

    [TestCase("规格：每份约5斤")]
    [TestCase("68元/份")]
    [TestCase("12号楼301")]
    [TestCase("满50份成团")]
    [TestCase("4月18日 天山三村 蔬菜套餐团购")]
    [TestCase("明天上午9:30 到货")]
    [TestCase("前10名送鸡蛋")]
    [TestCase("楼前自提")]
    [TestCase("例：12号 301 张三 2份")]
    [TestCase("")]
    public void MentionsNoDeadline(string line) => Assert.That(DeadlineReader.MentionsDeadline(line), Is.False);

    [Test]
    public void ReadsNothingWithoutAZone()
    {
        bool read = DeadlineReader.TryRead("今晚8点", Parse(Morning), null!, out _);

        Assert.That(read, Is.False);
    }

    [Test]
    public void ReadsNothingAtTheEndsOfTheCalendar()
    {
        Assert.Multiple(() =>
        {
            Assert.That(DeadlineReader.TryRead("明天8点", DateTimeOffset.MaxValue, Shanghai, out _), Is.False);
            Assert.That(DeadlineReader.TryRead("20:00前", DateTimeOffset.MinValue, Shanghai, out _), Is.False);
        });
    }

    [Test]
    public void NeverThrowsOnRandomText()
    {
        // Characters the scanner reacts to, mixed with others, so random lines reach every branch.
        const string alphabet = "0123456789:：.-/ 年月日号点时分半刻整钟前截止今明后天晚早上中下午周星期礼拜一二两三四五六七八九十零〇楼栋元份ampAPM凌傍夜次本这个大";
        var random = new Random(20220418);
        DateTimeOffset[] times =
        [
            Parse(Morning), Parse(Evening), Parse("2022-12-31T23:59:59+08:00"), Parse("2024-02-29T00:00:00Z"),
            DateTimeOffset.MinValue, DateTimeOffset.MaxValue,
        ];
        TimeZoneInfo[] zones = [Shanghai, WithDaylightSaving, TimeZoneInfo.Utc];
        int read = 0;
        for (int round = 0; round < 20_000; round++)
        {
            var chars = new char[random.Next(0, 24)];
            for (int k = 0; k < chars.Length; k++)
                chars[k] = random.Next(10) == 0 ? (char)random.Next(char.MaxValue) : alphabet[random.Next(alphabet.Length)];
            var zone = zones[random.Next(zones.Length)];
            var time = times[random.Next(times.Length)];

            DeadlineReader.MentionsDeadline(chars);
            if (DeadlineReader.TryRead(chars, time, zone, out var deadline))
            {
                read++;
                // Whatever was read carries the zone's own offset at that instant.
                Assert.That(deadline.Offset, Is.EqualTo(zone.GetUtcOffset(deadline.UtcDateTime)), new string(chars));
            }
        }

        Assert.That(read, Is.GreaterThan(100));
    }

    [Test]
    public void ReadsAVeryLongLineOfNumbersAndWords()
    {
        string line = string.Concat(Enumerable.Repeat("一二三四五六七八九十1234567890周星期今", 500)) + " 截止时间：今晚8点";

        bool read = DeadlineReader.TryRead(line, Parse(Morning), Shanghai, out var deadline);

        Assert.That(read, Is.True);
        Assert.That(DeadlineReader.MentionsDeadline(line), Is.True);
        Assert.That(Format(deadline), Is.EqualTo("2022-04-18T20:00:00+08:00"));
    }

    private static DateTimeOffset Parse(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    private static string Format(DateTimeOffset time) => time.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
