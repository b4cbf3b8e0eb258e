using System.Globalization;

namespace ChainBot.Core.Transcripts;

/// <summary>
/// The time format of transcripts and of the CLI's <c>--time</c>: ISO 8601 / RFC 3339 date and time,
/// <c>2022-04-18T09:30:00+08:00</c>, <c>2022-04-18T01:30:00Z</c>, seconds and fractions optional.
/// </summary>
/// <remarks>Pure and thread-safe.</remarks>
public static class TranscriptTime
{
    // Only these shapes: a general DateTimeOffset.TryParse would take "April 18" or "18/4", and a time typed by
    // hand must either mean exactly one instant or be refused.
    private static readonly string[] WithOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mmzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd HH:mm'Z'",
    ];

    private static readonly string[] WithoutOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
    ];

    /// <summary>An example of the format, for messages that ask for it.</summary>
    public const string Example = "2022-04-18T09:30:00+08:00";

    /// <summary>
    /// Reads an ISO 8601 time. A time with a UTC offset (or <c>Z</c>) is taken as written. A time without one is
    /// read in <paramref name="zoneWhenNoOffset"/>, or refused when that is null (transcripts must carry offsets).
    /// Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo? zoneWhenNoOffset, out DateTimeOffset time)
    {
        text = text.Trim();
        if (DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time))
            return true;
        if (zoneWhenNoOffset is not null
            && DateTime.TryParseExact(text, WithoutOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            time = new DateTimeOffset(local, zoneWhenNoOffset.GetUtcOffset(local));
            return true;
        }
        time = default;
        return false;
    }

    /// <summary>Formats a time the way transcripts and the CLI's JSON write it: <c>2022-04-18T20:00:00+08:00</c>.</summary>
    public static string Format(DateTimeOffset time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
