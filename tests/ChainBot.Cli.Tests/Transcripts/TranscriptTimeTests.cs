using ChainBot.Core.Transcripts;

namespace ChainBot.Cli.Tests.Transcripts;

public class TranscriptTimeTests
{
    private static readonly TimeZoneInfo China = TimeZoneInfo.CreateCustomTimeZone("test+8", TimeSpan.FromHours(8), "test", "test");

    [TestCase("2022-04-18T09:30:00+08:00", "2022-04-18T01:30:00Z")]
    [TestCase("2022-04-18T01:30:00Z", "2022-04-18T01:30:00Z")]
    [TestCase("2022-04-18T09:30+08:00", "2022-04-18T01:30:00Z")]
    [TestCase("2022-04-18 09:30:00+08:00", "2022-04-18T01:30:00Z")]
    [TestCase("2022-04-18T09:30:00.250+08:00", "2022-04-18T01:30:00.25Z")]
    [TestCase("  2022-04-18T09:30:00+0800 ", "2022-04-18T01:30:00Z")]
    public void Reads_times_with_an_offset(string text, string utc)
    {
        Assert.That(TranscriptTime.TryParse(text, null, out var time), Is.True);
        Assert.That(time.UtcDateTime, Is.EqualTo(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime));
    }

    [TestCase("2022-04-18T09:30:00", 9, 30)]
    [TestCase("2022-04-18T09:30", 9, 30)]
    [TestCase("2022-04-18", 0, 0)]
    public void Reads_a_time_without_offset_in_the_given_zone(string text, int hour, int minute)
    {
        Assert.That(TranscriptTime.TryParse(text, China, out var time), Is.True);
        Assert.That(time, Is.EqualTo(new DateTimeOffset(2022, 4, 18, hour, minute, 0, TimeSpan.FromHours(8))));
        Assert.That(TranscriptTime.TryParse(text, null, out _), Is.False, "without a zone an offset is required");
    }

    [TestCase("")]
    [TestCase("tomorrow")]
    [TestCase("April 18 2022")]
    [TestCase("18/04/2022 09:30")]
    [TestCase("2022-13-01T00:00:00+08:00")]
    [TestCase("2022-04-18T25:00:00+08:00")]
    [TestCase("2022-04-18T09:30:00+08:00 extra")]
    public void Refuses_what_is_not_ISO_8601(string text) =>
        Assert.That(TranscriptTime.TryParse(text, China, out _), Is.False);

    [Test]
    public void Formats_with_seconds_and_offset() =>
        Assert.That(TranscriptTime.Format(new DateTimeOffset(2022, 4, 18, 20, 0, 0, TimeSpan.FromHours(8))), Is.EqualTo("2022-04-18T20:00:00+08:00"));
}
